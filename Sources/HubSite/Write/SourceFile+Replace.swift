import Foundation

/// How `hubsite new-cohort` changes a source file: whole or not at all, never through a link.
extension SourceFile {
    /// Replaces a source file in one step (a new file renamed over it), keeping its mode and
    /// owner, and never writing through a link.
    static func replace(atPath path: String, with contents: Data) throws {
        var original = stat()
        guard lstat(path, &original) == 0, original.st_mode & S_IFMT == S_IFREG else { throw NoFollow.posixError(lstat(path, &original) == 0 ? EINVAL : errno) }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let temporary = folder + "/." + URL(fileURLWithPath: path).lastPathComponent + ".new-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw NoFollow.posixError() }
        do {
            defer { close(descriptor) }
            try NoFollow.writeAll(contents, to: descriptor)
            // Only root may give a file away; anyone else's file keeps its owner anyway.
            _ = fchown(descriptor, original.st_uid, original.st_gid)
            guard fchmod(descriptor, original.st_mode & 0o7777) == 0, fsync(descriptor) == 0 else { throw NoFollow.posixError() }
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw NoFollow.posixError(code)
        }
    }
}
