import Foundation

/// One build at a time for an output folder: two builds into the same folder would clear away
/// each other's staging folders. The lock is a file beside the output folder, `.public.lock`,
/// held with `flock`, which the system lets go of when the process ends, however it ends.
final class OutputLock: Sendable {
    private let path: String
    private let descriptor: Int32

    /// Takes the lock for `output`, or says which process holds it.
    static func acquire(for output: String, display: String) throws(BuildFailure) -> OutputLock {
        let path = OutputPaths.lock(of: output)
        let location = SourceLocation(file: display)
        while true {
            // Never through a link: `.public.lock` leading to someone's file must not become a PID.
            let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
            var held = stat()
            guard descriptor >= 0, fstat(descriptor, &held) == 0, held.st_mode & S_IFMT == S_IFREG else {
                let reason = descriptor >= 0 || errno == ELOOP ? "it is not a plain file (a link, a folder or a device)" : SystemError.describe(errno)
                if descriptor >= 0 { close(descriptor) }
                throw BuildFailure([Diagnostic(at: location, "cannot use the lock file \(path): \(reason)",
                                               fix: "remove \(path) (hubsite makes it anew), or check that the folder holding \(display) is writable")])
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                var bytes = [UInt8](repeating: 0, count: 32)
                let count = max(0, pread(descriptor, &bytes, bytes.count, 0))
                close(descriptor)
                let holder = String(decoding: bytes[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                let who = holder.allSatisfy(\.isNumber) && !holder.isEmpty ? "another hubsite build (process \(holder))" : "another hubsite build"
                throw BuildFailure([Diagnostic(at: location, "\(who) is writing \(display) right now",
                                               fix: "wait for it to finish, then build again; this build changed nothing")])
            }
            // The holder before us removes the file as it lets go: lock the file that is there now.
            var current = stat()
            if lstat(path, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev {
                // Emptied first: a shorter process number must not be written over a longer one.
                _ = ftruncate(descriptor, 0)
                _ = try? NoFollow.writeAll(Array("\(ProcessInfo.processInfo.processIdentifier)\n".utf8), to: descriptor)
                return OutputLock(path: path, descriptor: descriptor)
            }
            close(descriptor)
        }
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// Removes the file while still holding it, so that no lock file is left behind.
    func release() {
        unlink(path)
        close(descriptor)
    }
}
