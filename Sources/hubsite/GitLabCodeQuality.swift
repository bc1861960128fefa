import Foundation
import HubSite

/// GitLab's Code Quality report (a subset of Code Climate's format): a JSON array of issues,
/// which GitLab shows on the changed lines of a merge request.
enum GitLabCodeQuality {
    private struct Issue: Encodable {
        struct Location: Encodable {
            struct Lines: Encodable { var begin: Int }
            var path: String
            var lines: Lines
        }
        var description: String
        var check_name: String
        /// Identifies the issue across pipelines, so GitLab can tell new problems from fixed ones.
        var fingerprint: String
        var severity: String
        var location: Location
    }

    static func report(_ diagnostics: [Diagnostic]) -> String {
        let issues = diagnostics.map { diagnostic in
            let description = diagnostic.fix.isEmpty ? diagnostic.message : "\(diagnostic.message) (fix: \(diagnostic.fix))"
            return Issue(description: description, check_name: "hubsite-\(diagnostic.severity.rawValue)",
                         fingerprint: fingerprint("\(diagnostic.location.file)\n\(diagnostic.location.line)\n\(diagnostic.location.column)\n\(diagnostic.message)"),
                         severity: diagnostic.severity == .error ? "major" : "minor",
                         location: .init(path: diagnostic.location.file, lines: .init(begin: diagnostic.location.line)))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(issues)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    /// FNV-1a, 64 bits, in hex: the same problem at the same place gives the same fingerprint.
    private static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
