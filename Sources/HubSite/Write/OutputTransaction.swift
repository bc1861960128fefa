import CFileSwap
import Foundation

/// Replaces an output folder so that it is the old site or the new one at every instant,
/// whatever stops the process: the build writes into a staging folder of its own beside it,
/// and the two are swapped in one step when the whole build succeeded. A failed or interrupted
/// build leaves the output folder as it was.
public final class OutputTransaction: @unchecked Sendable {
    /// The output folder, absolute.
    public let output: String
    /// The output folder as messages show it: as the user wrote it.
    public let display: String
    let staging: String
    /// The staging folder, open: every file is written relative to it.
    let stagingFolder: Int32
    /// Warnings about what an interrupted earlier build left, and what this one did with it.
    public private(set) var notes: [Diagnostic]

    private let lock: OutputLock
    private let state = NSLock()
    private var phase = Phase.writing

    public enum Phase: Sendable {
        case writing, replaced, abandoned
    }

    /// Checks that `output` may be replaced, takes its lock, recovers what an interrupted build
    /// left beside it, and makes a new staging folder, marked as hubsite's from the start.
    public init(output: URL, source: URL, display: String) throws(BuildFailure) {
        self.output = output.standardizedFileURL.path
        self.display = display
        let location = SourceLocation(file: display)
        try OutputSafety.check(self.output, source: source.standardizedFileURL.path, display: display)
        let parent = URL(fileURLWithPath: self.output).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([Diagnostic(at: location, "cannot create \(parent.path): \(SystemError.describe(error))",
                                           fix: "check that you may write there, or choose another --output")])
        }
        lock = try OutputLock.acquire(for: self.output, display: display)
        notes = OutputLeftovers.recover(output: self.output, display: display)
        staging = OutputPaths.path(.staging, of: self.output)
        var descriptor: Int32 = -1
        do {
            guard mkdir(staging, 0o755) == 0 else { throw NoFollow.posixError() }
            descriptor = try NoFollow.folder(atPath: staging)
            try OutputMarker.write(into: descriptor)
        } catch {
            if descriptor >= 0 {
                close(descriptor)
                _ = OutputLeftovers.remove(staging)
            }
            lock.release()
            let inTheWay = (error as? POSIXError)?.code == .EEXIST
            throw BuildFailure([Diagnostic(at: location, "cannot make the folder \(staging) to write the site in: "
                                               + (inTheWay ? "something that is not hubsite's is in the way" : SystemError.describe(error)),
                                           fix: inTheWay ? "move or remove \(staging), then build again; \(display) was left as it was"
                                               : "check that \(parent.path) is writable and the disk has space; \(display) was left as it was")])
        }
        stagingFolder = descriptor
    }

    deinit {
        close(stagingFolder)
    }

    /// Puts the finished staging folder in the output folder's place. `written` is every file
    /// the build wrote, relative to it: a folder holding anything else is not published.
    public func commit(written: Set<String>) throws(BuildFailure) {
        state.lock()
        defer { state.unlock() }
        guard phase == .writing else {
            throw BuildFailure([Diagnostic(at: SourceLocation(file: display), "the build was stopped", fix: "\(display) was left as it was")])
        }
        defer { lock.release() }
        do {
            try StagingCheck.verify(staging, descriptor: stagingFolder, holds: written.union([OutputMarker.fileName]))
            try swapIntoPlace()
        } catch {
            _ = OutputLeftovers.remove(staging)
            phase = .abandoned
            let (message, fix) = error is StagingCheck.Intruder
                ? ("\(display) was not replaced: \(error)", "find what writes into the folders beside \(display) while hubsite builds, and stop it; \(display) was left as it was")
                : ("cannot replace \(display): \(SystemError.describe(error))", "check that the folder holding it is writable; \(display) was left as it was")
            throw BuildFailure([Diagnostic(at: SourceLocation(file: display), message, fix: fix)])
        }
        phase = .replaced
    }

    /// Stops the build: the staging folder goes unless the new site is already in place.
    /// Safe to call from a signal handler's queue while the build runs. What pages still being
    /// written add meanwhile is a staging folder the next build removes.
    @discardableResult
    public func abandon() -> Phase {
        state.lock()
        defer { state.unlock() }
        if phase == .writing {
            for _ in 0..<3 where OutputLeftovers.remove(staging) != nil { usleep(10_000) }
            lock.release()
            phase = .abandoned
        }
        return phase
    }

    private func swapIntoPlace() throws {
        var status = stat()
        guard lstat(output, &status) == 0 else {
            try check(rename(staging, output))
            return
        }
        let old = OutputPaths.path(.old, of: output)
        if hubsite_exchange(staging, output) == 0 {
            // The staging name now holds the replaced site.
            removeReplaced(staging)
        } else if [ENOSYS, EINVAL, ENOTSUP, EOPNOTSUPP].contains(errno) {
            // No swap in one step on this file system: two renames. Should the process die
            // between them, the next build finds the previous site at `old` and puts it back.
            try check(rename(output, old))
            if rename(staging, output) != 0 {
                let code = errno
                _ = rename(old, output)
                throw NoFollow.posixError(code)
            }
            removeReplaced(old)
        } else if [EXDEV, EBUSY].contains(errno) {
            // The output folder cannot be renamed: a mount point, or a lower layer of overlayfs
            // (a container's image). Its contents are replaced instead, which is not one step.
            try ContentsReplacement.replace(contentsOf: output, with: staging)
            removeReplaced(staging)
            notes.append(Diagnostic(.warning, at: SourceLocation(file: display),
                                    "\(display) cannot be renamed (a mount point or a container's lower layer), so its contents were replaced one by one, not in one step",
                                    fix: "for a replacement in one step, build into a folder that is neither (e.g. --output /tmp/site) and copy it from there"))
        } else {
            throw NoFollow.posixError()
        }
    }

    private func removeReplaced(_ path: String) {
        if let problem = OutputLeftovers.remove(path) {
            notes.append(Diagnostic(.warning, at: SourceLocation(file: display),
                                    "the new site is in place, but the previous one could not be removed from \(path): \(problem)",
                                    fix: "remove that folder yourself (the next build tries again)"))
        }
    }

    private func check(_ result: Int32) throws {
        if result != 0 { throw NoFollow.posixError() }
    }
}
