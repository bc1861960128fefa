import Foundation

/// What a build killed part-way (a crash, `kill -9`, a power cut) leaves beside the output
/// folder: `.public.staging-PID`, a half-written site (or, once swapped, the replaced one), and
/// `.public.old-PID`, the previous site moved aside where the file system has no swap in one
/// step. Only folders with exactly those names that carry hubsite's marker are touched, a
/// staging folder is never put back as a site, and every step is told to the user.
enum OutputLeftovers {
    /// Puts the previous site back if the output folder is missing, then clears the rest.
    /// Runs under the output lock, so no other build's staging folder is among them.
    static func recover(output: String, display: String) -> [Diagnostic] {
        let url = URL(fileURLWithPath: output)
        let parent = url.deletingLastPathComponent().path
        let found = ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [])
            .compactMap { name in OutputPaths.leftover(name, of: url.lastPathComponent).map { (name, $0) } }
            .filter { OutputMarker.isPresent(in: parent + "/" + $0.0) }
            .sorted { $0.0 < $1.0 }
        var notes: [Diagnostic] = []
        var status = stat()
        var outputExists = lstat(output, &status) == 0
        for (name, kind) in found {
            let path = parent + "/" + name
            if !outputExists, kind == .old, rename(path, output) == 0 {
                outputExists = true
                notes.append(Diagnostic(.warning, at: SourceLocation(file: display),
                                        "\(display) was missing after an interrupted build; the previous site was put back from \(name)"))
                continue
            }
            if let problem = remove(path) {
                notes.append(Diagnostic(.warning, at: SourceLocation(file: display),
                                        "cannot remove \(path), left by an interrupted build: \(problem)", fix: "remove it yourself"))
            } else {
                notes.append(Diagnostic(.warning, at: SourceLocation(file: display), "removed \(name), left beside \(display) by an interrupted build"))
            }
        }
        return notes
    }

    /// Removes a folder hubsite made (links inside it are removed, never followed), making its
    /// folders writable first if that is what stands in the way (someone ran `chmod a-w public`).
    /// Returns why it could not.
    static func remove(_ path: String) -> String? {
        do {
            try FileManager.default.removeItem(atPath: path)
            return nil
        } catch {
            var status = stat()
            guard lstat(path, &status) == 0 else { return nil }
            makeWritable(path)
            do {
                try FileManager.default.removeItem(atPath: path)
                return nil
            } catch {
                return SystemError.describe(error)
            }
        }
    }

    private static func makeWritable(_ folder: String) {
        chmod(folder, 0o755)
        for case let relative as String in FileManager.default.enumerator(atPath: folder) ?? NSEnumerator() {
            var status = stat()
            let path = folder + "/" + relative
            if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { chmod(path, 0o755) }
        }
    }
}
