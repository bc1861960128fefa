import Foundation
import HubSite

extension SourceWatcher {
    /// Every source file's size and modification date, several times a second: slower than
    /// inotify to notice an edit, but it works on any system and any file system.
    func pollForChanges(ready: DispatchSemaphore) {
        var last = fingerprint()
        ready.signal()
        var pendingSince: ContinuousClock.Instant?
        var changed: Set<String> = []
        while running.load(ordering: .sequentiallyConsistent) {
            Thread.sleep(forTimeInterval: 0.1)
            let now = fingerprint()
            if now != last {
                // What was added, removed or changed: the stamps that are in one list and not the other.
                changed.formUnion(Set(now).symmetricDifference(Set(last)).map(\.path))
                last = now
                pendingSince = .now
            }
            if let since = pendingSince, ContinuousClock.now - since >= debounce {
                pendingSince = nil
                onChange(changed.sorted())
                changed = []
            }
        }
    }

    private struct Stamp: Hashable {
        var path: String
        var size: UInt64
        var modified: Date?
    }

    private func fingerprint() -> [Stamp] {
        let manager = FileManager.default
        var paths = ["site.yml"]
        for folder in ["content", "templates"] {
            paths += FileTree.relativePaths(under: root.appendingPathComponent(folder)).map { folder + "/" + $0 }
        }
        return paths.map { path in
            let attributes = try? manager.attributesOfItem(atPath: root.appendingPathComponent(path).path)
            return Stamp(path: path, size: (attributes?[.size] as? NSNumber)?.uint64Value ?? 0, modified: attributes?[.modificationDate] as? Date)
        }
    }
}
