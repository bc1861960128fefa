import Foundation

/// One build at a time for an output folder: two builds into the same folder would clear away
/// each other's staging folders. The lock is a file beside the output folder, `.public.lock`,
/// held with `flock`, which the system lets go of when the process ends, however it ends.
final class OutputLock: Sendable {
    private let path: String
    private let descriptor: Int32

    /// Takes the lock for `output`, or says which process holds it.
    static func acquire(for output: String, display: String) throws(BuildFailure) -> OutputLock {
        let path = OutputPaths.sibling(of: output, suffix: "lock")
        while true {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw BuildFailure([Diagnostic(at: SourceLocation(file: display), "cannot create the lock file \(path): \(SystemError.describe(errno))",
                                               fix: "check that the folder holding \(display) is writable")])
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                close(descriptor)
                let who = holder.isEmpty ? "another hubsite build" : "another hubsite build (process \(holder))"
                throw BuildFailure([Diagnostic(at: SourceLocation(file: display), "\(who) is writing \(display) right now",
                                               fix: "wait for it to finish, then build again; this build changed nothing")])
            }
            // The holder before us removes the file as it lets go: lock the file that is there now.
            var held = stat(), current = stat()
            if fstat(descriptor, &held) == 0, stat(path, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev {
                let pid = "\(ProcessInfo.processInfo.processIdentifier)\n"
                _ = pid.withCString { write(descriptor, $0, strlen($0)) }
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
