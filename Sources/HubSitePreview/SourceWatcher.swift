import Foundation
import HubSite
import Synchronization

/// Watches `site.yml`, `content/` and `templates/` and calls `onChange` once the edits have
/// settled, with the paths that changed (from the site's folder, sorted). On Linux it listens to inotify (every subfolder, new ones too; editors that save to a
/// temporary file and rename it are seen through the rename); elsewhere, or with `polling`, it
/// compares every source file's size and date a few times a second.
public final class SourceWatcher: Sendable {
    let root: URL
    let debounce: Duration
    let onChange: @Sendable ([String]) -> Void
    let running = Atomic<Bool>(false)
    /// The inotify instance; nil when polling.
    let descriptor: Int32?

    public init(root: URL, debounce: Duration = .milliseconds(20), polling: Bool = false,
                onChange: @escaping @Sendable ([String]) -> Void) throws {
        self.root = root.standardizedFileURL
        self.debounce = debounce
        self.onChange = onChange
        descriptor = polling ? nil : Self.makeInotify()
    }

    deinit {
        if let descriptor { close(descriptor) }
    }

    /// How this watcher learns of edits, for the terminal.
    public var method: String { descriptor == nil ? "polling" : "inotify" }

    /// Starts watching on a thread of its own, and returns once it is watching: an edit made
    /// after `start()` returns is never missed (the preview and the tests rely on it).
    public func start() {
        guard !running.exchange(true, ordering: .sequentiallyConsistent) else { return }
        let ready = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            if let descriptor { self.listen(to: descriptor, ready: ready) } else { self.pollForChanges(ready: ready) }
        }
        thread.name = "hubsite-watcher"
        thread.start()
        ready.wait()
    }

    public func stop() {
        running.store(false, ordering: .sequentiallyConsistent)
    }
}
