import Dispatch

extension Array where Element: Sendable {
    /// `map` across all cores, results in the original order. Each element is handled inside
    /// one task, so per-item C state (cmark's pointers) never crosses threads.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
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
        return slots.map { $0! }
    }
}
