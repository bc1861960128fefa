import Foundation

/// Names of the files hubsite keeps beside an output folder `public`: `.public.lock`,
/// `.public.staging-PID`, `.public.old-PID`, `.public.previous`.
enum OutputPaths {
    static func sibling(of output: String, suffix: String) -> String {
        let url = URL(fileURLWithPath: output)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(suffix)").path
    }

    static func staging(of output: String) -> String {
        sibling(of: output, suffix: "staging-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// The site before the current one, which the next build writes over (see PreviousSite).
    static func previous(of output: String) -> String {
        sibling(of: output, suffix: "previous")
    }

    static func old(of output: String) -> String {
        sibling(of: output, suffix: "old-\(ProcessInfo.processInfo.processIdentifier)")
    }
}
