import Foundation

/// Keeps the output folder whole: a build writes into a staging folder beside it, which
/// replaces the old folder only when every file is written. Files of deleted pages disappear
/// with the old folder; a failed build leaves the old folder exactly as it was.
public enum OutputWriter {
    /// A new, empty staging folder next to `output`, after checking that `output` may be replaced.
    static func prepareStaging(for output: URL, sourceFolder: URL) throws(BuildFailure) -> URL {
        let output = output.standardizedFileURL
        try checkSafeToReplace(output, sourceFolder: sourceFolder.standardizedFileURL)
        let parent = output.deletingLastPathComponent()
        let staging = stagingURL(for: output)
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            removeLeftovers(of: output)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw BuildFailure([Diagnostic(at: SourceLocation(file: output.path), "cannot write the site: \(describe(error))",
                                           fix: "check that \(parent.path) is writable and the disk has space; \(output.lastPathComponent)/ was left as it was")])
        }
        return staging
    }

    /// Where this process builds the site before it replaces `output`.
    public static func stagingURL(for output: URL) -> URL {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Staging and old folders that an interrupted build (a crash, a power cut) left beside `output`.
    private static func removeLeftovers(of output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefixes = [".\(output.lastPathComponent).staging-", ".\(output.lastPathComponent).old-"]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        where prefixes.contains(where: { name.hasPrefix($0) }) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    public static func discard(_ staging: URL) {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Moves `staging` into the place of `output`, putting the old folder back if that fails.
    static func swap(_ staging: URL, into output: URL) throws(BuildFailure) {
        let output = output.standardizedFileURL
        let manager = FileManager.default
        let old = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            if manager.fileExists(atPath: output.path) {
                try manager.moveItem(at: output, to: old)
                do {
                    try manager.moveItem(at: staging, to: output)
                } catch {
                    try? manager.moveItem(at: old, to: output)
                    throw error
                }
                try? manager.removeItem(at: old)
            } else {
                try manager.moveItem(at: staging, to: output)
            }
        } catch {
            discard(staging)
            throw BuildFailure([Diagnostic(at: SourceLocation(file: output.path), "cannot replace the output folder: \(describe(error))",
                                           fix: "check that \(output.deletingLastPathComponent().path) is writable")])
        }
    }

    /// The whole output folder is replaced, so refuse any folder that may hold someone's other work.
    private static func checkSafeToReplace(_ output: URL, sourceFolder: URL) throws(BuildFailure) {
        let location = SourceLocation(file: output.path)
        let path = output.path
        let source = sourceFolder.path
        if path == "/" || source == path || source.hasPrefix(path.hasSuffix("/") ? path : path + "/") {
            throw BuildFailure([Diagnostic(at: location, "the output folder contains the site's sources",
                                           fix: "choose a folder of its own, e.g. --output public")])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw BuildFailure([Diagnostic(at: location, "the output path exists and is not a folder",
                                           fix: "remove it or choose another --output")])
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if !names.isEmpty, !names.contains("index.html") {
            throw BuildFailure([Diagnostic(at: location, "the output folder is not empty and does not look like a built site (no index.html), so hubsite will not replace it",
                                           fix: "choose an empty or new folder for --output, or empty this one")])
        }
    }

    static func describe(_ error: Error) -> String {
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
