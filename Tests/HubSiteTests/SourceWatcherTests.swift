import Foundation
import XCTest
@testable import HubSitePreview

/// The preview notices every kind of edit, told by inotify or by looking for itself (`--poll`,
/// and on systems without inotify).
final class SourceWatcherTests: XCTestCase {
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        private var paths: [[String]] = []
        func add(_ changed: [String] = []) { lock.withLock { value += 1; paths.append(changed) } }
        var count: Int { lock.withLock { value } }
        var changed: [[String]] { lock.withLock { paths } }
    }

    private func waitFor(_ counter: Counter, toReach count: Int) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while counter.count < count, Date() < deadline { usleep(10_000) }
        return counter.count >= count
    }

    func testEditsNewFoldersAndAtomicSavesAreNoticedBothWays() throws {
        for polling in [false, true] {
            let site = try TestSite()
            let changes = Counter()
            let watcher = try SourceWatcher(root: site.folder, polling: polling) { changes.add($0) }
            XCTAssertEqual(watcher.method, polling ? "polling" : "inotify")
            watcher.start()  // returns once it is watching: no sleep before the first edit
            defer { watcher.stop() }
            try site.write("---\ntitle: Changed\n---\n", to: "content/accessibility.md")
            XCTAssertTrue(waitFor(changes, toReach: 1), "an edit (\(watcher.method))")
            try site.write("---\ntitle: New\n---\n", to: "content/guides/new.md")
            XCTAssertTrue(waitFor(changes, toReach: 2), "a file in a new folder (\(watcher.method))")
            // An editor's atomic save: a temporary file renamed over the original.
            let temporary = site.folder.appendingPathComponent("site.yml.tmp-save")
            try Data((TestSite.siteYML + "# saved\n").utf8).write(to: temporary)
            _ = rename(temporary.path, site.folder.appendingPathComponent("site.yml").path)
            XCTAssertTrue(waitFor(changes, toReach: 3), "an atomic save of site.yml (\(watcher.method))")
            // Each change names the files saved, from the site's folder, for the terminal and the open tab.
            XCTAssertEqual(changes.changed[0], ["content/accessibility.md"], watcher.method)
            XCTAssertEqual(changes.changed[1], ["content/guides/new.md"], watcher.method)
            XCTAssertTrue(changes.changed[2].contains("site.yml"), "\(changes.changed[2]) (\(watcher.method))")
            // public/ is output, not a source: written before a source, it is in no change.
            let before = changes.count
            try site.write("x", to: "public/extra.txt")
            try site.write("---\ntitle: Again\n---\n", to: "content/accessibility.md")
            XCTAssertTrue(waitFor(changes, toReach: before + 1), "the edit after it (\(watcher.method))")
            XCTAssertEqual(changes.changed[before...].flatMap { $0 }, ["content/accessibility.md"], "writing public/ is not an edit (\(watcher.method))")
        }
    }
}
