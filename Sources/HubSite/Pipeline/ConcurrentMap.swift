import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map` across all cores, results in the original order. The array is cut into a few
    /// chunks a core; each chunk is mapped by one thread, so per-item C state (cmark's
    /// pointers) never crosses threads.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let chunkCount = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 4)
        guard chunkCount > 1 else { return map(transform) }
        let chunks = Mutex([[T]](repeating: [], count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let mapped = self[chunk * count / chunkCount ..< (chunk + 1) * count / chunkCount].map(transform)
            chunks.withLock { $0[chunk] = mapped }
        }
        return chunks.withLock { $0.flatMap { $0 } }
    }
}

/// Lets go of a large value (10,000 pages' results) on another thread: freeing it piece by piece
/// would otherwise hold up the end of a build that no longer needs it.
func releaseInBackground<T: Sendable>(_ value: consuming T) {
    let doomed = value
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(doomed) {} }
}
