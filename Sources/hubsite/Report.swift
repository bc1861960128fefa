import ArgumentParser
import Foundation
import HubSite

/// How diagnostics are printed: for a person at a terminal, for GitHub (which shows each one on
/// its line of a pull request), or as JSON for editors' tools.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github, gitlab

    /// Standard output holds only what a tool reads: everything else goes to standard error.
    var keepsStandardOutputForTools: Bool { self == .json || self == .gitlab }
}

/// Prints diagnostics the way compilers do, so editors and terminals can jump to them.
/// Text goes to standard error; GitHub's commands and JSON go to standard output, where those
/// tools read them, and the closing summary stays on standard error for JSON.
struct Report {
    var format: OutputFormat = .text

    /// The errors, then `ending` as the summary line.
    func printFailure(_ failure: BuildFailure, ending: String) {
        printDiagnostics(failure.diagnostics)
        summary(ending)
    }

    func printDiagnostics(_ diagnostics: [Diagnostic]) {
        if format == .gitlab {
            // One JSON array, empty too: GitLab reads the whole output as its report file.
            write(GitLabCodeQuality.report(diagnostics.sorted()) + "\n", toStandardError: false)
            return
        }
        let lines = diagnostics.sorted().map(line)
        guard !lines.isEmpty else { return }
        write(lines.joined(separator: "\n") + "\n", toStandardError: format == .text)
    }

    /// The closing line of a command: what was done, or why not.
    func summary(_ text: String, failed: Bool = true) {
        write(text + "\n", toStandardError: failed || format.keepsStandardOutputForTools)
    }

    private func line(_ diagnostic: Diagnostic) -> String {
        switch format {
        case .text:
            return diagnostic.description
        case .github:
            let location = diagnostic.location
            let message = diagnostic.fix.isEmpty ? diagnostic.message : "\(diagnostic.message)\nfix: \(diagnostic.fix)"
            return "::\(diagnostic.severity.rawValue) file=\(property(location.file)),line=\(location.line),col=\(location.column),"
                + "title=\(property("hubsite \(diagnostic.severity.rawValue)"))::\(data(message))"
        case .json, .gitlab:
            let object = JSONLine(file: diagnostic.location.file, line: diagnostic.location.line, column: diagnostic.location.column,
                                  severity: diagnostic.severity.rawValue, message: diagnostic.message, fix: diagnostic.fix)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(object)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        }
    }

    private struct JSONLine: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var message: String
        var fix: String
    }

    /// GitHub's workflow commands: `%`, line breaks (and in properties `:` and `,`) escaped.
    private func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    private func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    private func write(_ text: String, toStandardError: Bool) {
        Terminal.write(text, to: toStandardError ? STDERR_FILENO : STDOUT_FILENO)
    }
}
