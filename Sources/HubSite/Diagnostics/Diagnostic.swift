/// One problem found in the site's sources: where, what, and how to fix it.
public struct Diagnostic: Error, Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// What is wrong, in the editor's terms.
    public var message: String
    /// How to fix it; empty when the message says it already.
    public var fix: String

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String, fix: String = "") {
        self.severity = severity
        self.location = location
        self.message = message
        self.fix = fix
    }

    init(_ severity: Severity = .error, at location: SourceLocation, _ problem: Problem) {
        self.init(severity, at: location, problem.message, fix: problem.fix)
    }

    /// `content/index.md:12:5: error: … ` with the fix on a second, indented line.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if !fix.isEmpty { text += "\n    fix: \(fix)" }
        return text
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.severity, lhs.message) < (rhs.location, rhs.severity, rhs.message)
    }
}

/// A build that found errors. It carries every error of the build, sorted by place, not just the first.
public struct BuildFailure: Error, CustomStringConvertible, Sendable {
    public var diagnostics: [Diagnostic]
    /// Failed only because `--strict` counts warnings.
    public var strict: Bool

    public init(_ diagnostics: [Diagnostic], strict: Bool = false) {
        self.diagnostics = diagnostics.sorted()
        self.strict = strict
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String { report(ending: summary) }

    /// "build failed: 2 errors"
    public var summary: String {
        let count = errors.count
        let warnings = diagnostics.count - count
        if strict, count == 0 { return "build failed: \(warnings) warning\(warnings == 1 ? "" : "s") (--strict)" }
        return "build failed: \(count) error\(count == 1 ? "" : "s")"
    }

    /// Every diagnostic, then `ending` on a line of its own.
    public func report(ending: String) -> String {
        (diagnostics.map(\.description) + [ending]).joined(separator: "\n")
    }
}

/// Collects the problems of one stage; stages keep going after an error so that one build
/// reports everything an editor has to fix.
struct DiagnosticLog: Sendable {
    private(set) var all: [Diagnostic] = []

    var hasErrors: Bool { all.contains { $0.severity == .error } }
    var errorCount: Int { all.count { $0.severity == .error } }

    mutating func error(at location: SourceLocation, _ message: String, fix: String = "") {
        all.append(Diagnostic(.error, at: location, message, fix: fix))
    }

    mutating func warning(at location: SourceLocation, _ message: String, fix: String = "") {
        all.append(Diagnostic(.warning, at: location, message, fix: fix))
    }

    mutating func error(at location: SourceLocation, _ problem: Problem) {
        all.append(Diagnostic(.error, at: location, problem))
    }

    mutating func append(contentsOf other: [Diagnostic]) {
        all.append(contentsOf: other)
    }
}
