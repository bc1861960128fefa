/// What is wrong and how to fix it, said where it is found but before it is known where it
/// was written: the stage that knows the place makes it a `Diagnostic`.
public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var fix: String

    public init(message: String, fix: String) {
        self.message = message
        self.fix = fix
    }

    public var description: String { "error: \(message)\n    fix: \(fix)" }
}
