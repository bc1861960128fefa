import Dispatch

extension Array where Element: Sendable {
    /// `map` across all cores, results in the original order. Each element is handled inside
    /// one task, so per-item C state (cmark's pointers) never crosses threads.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer { slots.deallocate() }
        nonisolated(unsafe) let results = slots
        withoutActuallyEscaping(transform) { transform in
            self.withUnsafeBufferPointer { elements in
                nonisolated(unsafe) let elements = elements
                // Each index is written by exactly one iteration: no two threads share a slot.
                DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                    results[index] = transform(elements[index])
                }
            }
        }
        // Moved out, not copied: copying 10,000 pages' results and then destroying the
        // originals was a serial pause between building and checking.
        return (0..<count).map { slots.moveElement(from: $0)! }
    }
}

/// Lets go of a large value (10,000 pages' results) on another thread: freeing it piece by piece
/// would otherwise hold up the end of a build that no longer needs it.
func releaseInBackground<T: Sendable>(_ value: consuming T) {
    let doomed = value
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(doomed) {} }
}
