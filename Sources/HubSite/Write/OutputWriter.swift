import Foundation

/// Writes a built site so that the output folder is never half-written: the files go to a
/// staging folder beside it, which replaces the old folder only when every file is written.
/// Files of deleted pages disappear with the old folder.
public enum OutputWriter {
    public static func write(_ files: [OutputFile], to output: URL, sourceFolder: URL) throws(BuildFailure) {
        let output = output.standardizedFileURL
        let location = SourceLocation(file: output.path)
        let manager = FileManager.default
        try checkSafeToReplace(output, sourceFolder: sourceFolder.standardizedFileURL)

        let parent = output.deletingLastPathComponent()
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)"
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(suffix)")
        let old = parent.appendingPathComponent(".\(output.lastPathComponent).old-\(suffix)")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            try writeFiles(files, into: staging)
        } catch {
            try? manager.removeItem(at: staging)
            throw BuildFailure([Diagnostic(at: location, "cannot write the site: \(describe(error))",
                                           fix: "check that the folder is writable and the disk has space; \(output.lastPathComponent)/ was left as it was")])
        }
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
            try? manager.removeItem(at: staging)
            throw BuildFailure([Diagnostic(at: location, "cannot replace the output folder: \(describe(error))",
                                           fix: "check that \(parent.path) is writable")])
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

    private static func writeFiles(_ files: [OutputFile], into folder: URL) throws {
        var made: Set<String> = []
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            let directory = url.deletingLastPathComponent().path
            if !made.contains(directory) {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                made.insert(directory)
            }
            try Data(file.contents).write(to: url)
        }
    }

    private static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
