import CFileSwap
import Foundation

/// Replaces an output folder so that it is the old site or the new one at every instant,
/// whatever stops the process: the build writes into a staging folder beside it, and the two
/// are swapped in one step when the whole build succeeded. A failed or interrupted build leaves
/// the output folder as it was.
public final class OutputTransaction: @unchecked Sendable {
    /// The output folder, absolute.
    public let output: String
    /// The output folder as messages show it: as the user wrote it.
    public let display: String
    let staging: String
    /// What the staging folder held when it was made from the previous site.
    private let reused: PreviousSite.Contents?
    /// Warnings about what an interrupted earlier build left, and what this one did with it.
    public private(set) var notes: [Diagnostic]

    private let lock: OutputLock
    private let state = NSLock()
    private var phase = Phase.writing

    public enum Phase: Sendable {
        case writing, replaced, abandoned
    }

    /// Checks that `output` may be replaced, takes its lock, recovers what an interrupted build
    /// left beside it, and makes the staging folder: the previous site to write over, or a new one.
    public init(output: URL, source: URL, display: String) throws(BuildFailure) {
        self.output = output.standardizedFileURL.path
        self.display = display
        try OutputSafety.check(self.output, source: source.standardizedFileURL.path, display: display)
        let parent = URL(fileURLWithPath: self.output).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([Diagnostic(at: SourceLocation(file: display), "cannot create \(parent.path): \(SystemError.describe(error))",
                                           fix: "check that you may write there, or choose another --output")])
        }
        lock = try OutputLock.acquire(for: self.output, display: display)
        notes = OutputLeftovers.recover(output: self.output, display: display)
        staging = OutputPaths.staging(of: self.output)
        reused = PreviousSite.reuse(OutputPaths.previous(of: self.output), as: staging)
        guard reused != nil || mkdir(staging, 0o755) == 0 else {
            let reason = SystemError.describe(errno)
            lock.release()
            throw BuildFailure([Diagnostic(at: SourceLocation(file: display), "cannot write the site beside \(display): \(reason)",
                                           fix: "check that \(parent.path) is writable and the disk has space; \(display) was left as it was")])
        }
    }

    /// Puts the finished staging folder in the output folder's place. `written` is every file
    /// the build wrote, relative to it: anything else a reused previous site held goes.
    public func commit(written: Set<String>) throws(BuildFailure) {
        state.lock()
        defer { state.unlock() }
        guard phase == .writing else {
            throw BuildFailure([Diagnostic(at: SourceLocation(file: display), "the build was stopped", fix: "\(display) was left as it was")])
        }
        defer { lock.release() }
        do {
            if let reused { PreviousSite.prune(staging, contents: reused, keeping: written) }
            try OutputMarker.write(into: staging)
            try swapIntoPlace()
        } catch {
            _ = OutputLeftovers.remove(staging)
            phase = .abandoned
            throw BuildFailure([Diagnostic(at: SourceLocation(file: display), "cannot replace \(display): \(SystemError.describe(error))",
                                           fix: "check that the folder holding it is writable; \(display) was left as it was")])
        }
        phase = .replaced
    }

    /// Stops the build: the staging folder goes unless the new site is already in place.
    /// Safe to call from a signal handler's queue while the build runs.
    @discardableResult
    public func abandon() -> Phase {
        state.lock()
        defer { state.unlock() }
        if phase == .writing {
            // Moved aside first, so that pages still being written fail instead of refilling it.
            let aside = OutputPaths.old(of: output)
            if rename(staging, aside) == 0 {
                for _ in 0..<3 where OutputLeftovers.remove(aside) != nil { usleep(10_000) }
            } else {
                _ = OutputLeftovers.remove(staging)
            }
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
        let old = OutputPaths.old(of: output)
        let previous = OutputPaths.previous(of: output)
        if hubsite_exchange(staging, output) == 0 {
            // The staging name now holds the previous site: kept for the next build to write over.
            if rename(staging, previous) != 0, rename(staging, old) != 0 { _ = OutputLeftovers.remove(staging) }
        } else if [ENOSYS, EINVAL, ENOTSUP, EOPNOTSUPP].contains(errno) {
            // No swap in one step on this file system: two renames. Should the process die
            // between them, the next build finds the previous site at `old` and puts it back.
            try check(rename(output, old))
            if rename(staging, output) != 0 {
                let code = errno
                _ = rename(old, output)
                throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
            }
            if rename(old, previous) == 0 { return }
        } else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        if let problem = OutputLeftovers.remove(old) {
            notes.append(Diagnostic(.warning, at: SourceLocation(file: display),
                                    "the new site is in place, but the previous one could not be removed from \(old): \(problem)",
                                    fix: "remove that folder yourself (the next build tries again)"))
        }
    }

    private func check(_ result: Int32) throws {
        if result != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}
