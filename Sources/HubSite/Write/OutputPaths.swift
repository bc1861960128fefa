import Foundation

/// Names of the files hubsite keeps beside an output folder `public` while a build runs:
/// `.public.lock`, `.public.staging-PID` (the new site being written) and `.public.old-PID`
/// (the replaced site, on its way out).
enum OutputPaths {
    enum Leftover: String, CaseIterable {
        case staging, old
    }

    static func sibling(of output: String, suffix: String) -> String {
        let url = URL(fileURLWithPath: output)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(suffix)").path
    }

    static func lock(of output: String) -> String {
        sibling(of: output, suffix: "lock")
    }

    static func path(_ kind: Leftover, of output: String) -> String {
        sibling(of: output, suffix: "\(kind.rawValue)-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// What kind of leftover `name` is, for an output folder called `outputName`: exactly
    /// `.public.staging-` or `.public.old-` and a process number, nothing more.
    static func leftover(_ name: String, of outputName: String) -> Leftover? {
        for kind in Leftover.allCases {
            let prefix = ".\(outputName).\(kind.rawValue)-"
            guard name.hasPrefix(prefix) else { continue }
            let digits = name.dropFirst(prefix.count)
            return !digits.isEmpty && digits.count <= 10 && digits.allSatisfy(\.isASCIIDigit) ? kind : nil
        }
        return nil
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
