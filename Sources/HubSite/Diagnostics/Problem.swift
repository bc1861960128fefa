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

/// A problem at its place in the text being read, before the stage that knows the file makes it
/// a `Diagnostic`: `Place` is a byte offset in a run of text, or a position in the Markdown.
struct PlacedProblem<Place: Equatable & Sendable>: Equatable, Sendable {
    var place: Place
    var problem: Problem

    init(place: Place, message: String, fix: String) {
        self.place = place
        problem = Problem(message: message, fix: fix)
    }

    var message: String { problem.message }
    var fix: String { problem.fix }
}
