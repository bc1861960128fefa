import Foundation

/// A build replaces its output folder whole, so before it starts, refuse every folder that may
/// hold someone's other work: the sources, a folder inside them, or any folder hubsite did not make.
enum OutputSafety {
    /// Folders of a site that hold what editors write.
    static let sourceFolders = ["content", "templates", ".git"]

    /// Throws the reason `output` must not be replaced; `display` is the path as messages show it.
    static func check(_ output: String, source: String, display: String) throws(BuildFailure) {
        let location = SourceLocation(file: display)
        func refuse(_ message: String, _ fix: String) -> BuildFailure {
            BuildFailure([Diagnostic(at: location, message, fix: fix)])
        }
        let outputPath = resolved(output)
        let sourcePath = resolved(source)
        if outputPath == "/" || outputPath == sourcePath || isInside(sourcePath, outputPath) {
            throw refuse("the output folder \(display) holds the site's sources, and a build replaces its output folder whole",
                         "choose a folder of its own, e.g. --output public")
        }
        for folder in sourceFolders where outputPath == sourcePath + "/" + folder || isInside(outputPath, sourcePath + "/" + folder) {
            throw refuse("the output folder \(display) is inside the site's \(folder)/ folder, whose files a build would replace",
                         "choose a folder outside \(folder)/, e.g. --output public")
        }
        var status = stat()
        guard lstat(output, &status) == 0 else { return }
        if status.st_mode & S_IFMT == S_IFLNK {
            throw refuse("the output folder \(display) is a symbolic link; a build would replace the link, not the folder it leads to",
                         "pass the folder itself: --output \(outputPath)")
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw refuse("\(display) exists and is not a folder", "remove it or choose another --output")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        if !names.isEmpty, !OutputMarker.isPresent(in: output) {
            throw refuse("\(display) is not empty and was not made by hubsite (it has no \(OutputMarker.fileName) file), so a build will not replace it",
                         "choose a new or empty folder with --output, or empty this one yourself if nothing in it is needed")
        }
    }

    /// The real path, following links, of `path` or of the part of it that exists.
    static func resolved(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL
        var rest: [String] = []
        while realPath(existing.path) == nil, existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        guard let base = realPath(existing.path) else { return path }
        return rest.isEmpty ? base : (base == "/" ? "" : base) + "/" + rest.joined(separator: "/")
    }

    private static func realPath(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    private static func isInside(_ path: String, _ folder: String) -> Bool {
        path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }
}
