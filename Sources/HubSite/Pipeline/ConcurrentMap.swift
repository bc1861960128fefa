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
