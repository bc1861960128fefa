import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOEmbedded
import Synchronization
import XCTest
@testable import HubSite
@testable import HubSitePreview

/// `hubsite serve`, started for real on a free loopback port and spoken to over real HTTP.
final class PreviewServerTests: XCTestCase {
    /// A running preview of `site`; stop it with `stop()`.
    final class Running: @unchecked Sendable {
        let preview: PreviewSite
        /// Only for the tests of what saving a file does; the others rebuild with `edited`.
        let watcher: SourceWatcher?
        let task: Task<Void, Error>
        let port: Int
        var http: HTTPProbe { HTTPProbe(port: port) }

        init(_ site: TestSite, watching: Bool = false, configure: @escaping @Sendable (inout PreviewServer) -> Void = { _ in }) throws {
            let preview = PreviewSite(source: site.folder)
            preview.rebuild()
            let watcher = watching ? try SourceWatcher(root: site.folder) { changed in preview.rebuild(changed: changed) } : nil
            watcher?.start()
            let ready = DispatchSemaphore(value: 0)
            let boundPort = LockedValue(0)
            var server = PreviewServer(site: preview, port: 0)
            configure(&server)
            let configured = server
            task = Task {
                try await configured.run(signals: []) { port in
                    boundPort.set(port)
                    ready.signal()
                }
            }
            guard ready.wait(timeout: .now() + 30) == .success else { throw POSIXError(.ETIMEDOUT) }
            self.preview = preview
            self.watcher = watcher
            self.port = boundPort.get()
        }

        /// What the watcher does once `paths` are saved: the preview rebuilds, and says so.
        func edited(_ paths: String...) {
            _ = preview.rebuild(changed: paths)
        }

        func stop() {
            watcher?.stop()
            task.cancel()
        }
    }

    func testServesPagesAndAssetsWithTheirTypes() throws {
        let server = try Running(try TestSite.real(HubTests.hubs))
        defer { server.stop() }
        let expectations: [(String, Int, String)] = [
            ("/", 200, "text/html"), ("/index.html", 200, "text/html"), ("/style.css", 200, "text/css"),
            ("/site.js", 200, "javascript"), ("/key-dates.ics", 200, "text/calendar"),
            ("/hubs/", 200, "text/html"), ("/hubs/solent/key-dates.ics", 200, "text/calendar"),
        ]
        for (path, status, type) in expectations {
            let response = try server.http.get(path)
            XCTAssertEqual(response.status, status, path)
            XCTAssertTrue(response.headers["content-type"]?.contains(type) == true, "\(path): \(response.headers["content-type"] ?? "none")")
        }
        let page = try server.http.get("/")
        XCTAssertTrue(page.body.contains("new EventSource(\"/__hubsite/events\")"), "served pages carry the reload script")
        XCTAssertEqual(try server.http.get("/hubs").status, 301)
        let missing = try server.http.get("/no/such/page/")
        XCTAssertEqual(missing.status, 404)
        XCTAssertTrue(missing.body.contains("Page not found"))
    }

    func testETagAndRange() throws {
        let server = try Running(try TestSite.real())
        defer { server.stop() }
        let first = try server.http.get("/style.css")
        let etag = try XCTUnwrap(first.headers["etag"])
        XCTAssertEqual(try server.http.get("/style.css", headers: ["If-None-Match": etag]).status, 304)
        let part = try server.http.get("/style.css", headers: ["Range": "bytes=0-9"])
        XCTAssertEqual(part.status, 206)
        XCTAssertEqual(part.body.utf8.count, 10)
    }

    /// RFC 9110: `bytes=-N` is the last N bytes; `bytes=-0` can match nothing.
    func testSuffixRangesAreTheLastBytesAndAnEmptyOneIsUnsatisfiable() throws {
        let site = try TestSite.real()
        let server = try Running(site)
        defer { server.stop() }
        let css = try String(contentsOf: site.folder.appendingPathComponent("templates/assets/style.css"), encoding: .utf8)
        let last = try server.http.get("/style.css", headers: ["Range": "bytes=-10"])
        XCTAssertEqual(last.status, 206)
        XCTAssertEqual(last.body, String(css.utf8.suffix(10))!)
        XCTAssertEqual(last.headers["content-range"], "bytes \(css.utf8.count - 10)-\(css.utf8.count - 1)/\(css.utf8.count)")
        let none = try server.http.get("/style.css", headers: ["Range": "bytes=-0"])
        XCTAssertEqual(none.status, 416)
        XCTAssertEqual(none.headers["content-range"], "bytes */\(css.utf8.count)")
        // Several ranges at once are ignored: the whole file, never a mix of them.
        let several = try server.http.get("/style.css", headers: ["Range": "bytes=-5,0-1"])
        XCTAssertEqual(several.status, 200)
        XCTAssertEqual(several.body, css)
    }

    /// Live-reload streams are bounded: when every connection is a stream, the editor's page is
    /// still answered (the oldest stream gives way), and past the stream limit the oldest goes.
    func testStreamsNeverCrowdOutThePageAndTheOldestGivesWay() throws {
        let server = try Running(try TestSite()) { $0.maximumConnections = 6; $0.maximumStreams = 4 }
        defer { server.stop() }
        var streams: [EventStreamProbe] = []
        defer { streams.forEach { $0.close() } }
        for _ in 0..<5 {
            let stream = try EventStreamProbe(port: server.port)
            XCTAssertTrue(stream.waitUntilConnected())
            streams.append(stream)
        }
        try wait("the oldest stream closed past the limit of 4") { streams[0].isEnded }
        XCTAssertFalse(streams[4].isEnded)
        // Four streams and two more idle connections fill the limit of six: the page is still answered.
        let idle = try [server.http.connect(), server.http.connect()]
        defer { idle.forEach { close($0) } }
        for _ in 0..<3 {
            XCTAssertEqual(try server.http.get("/").status, 200)
        }
    }

    /// A page that went away: its stream is closed at the next heartbeat, not held open.
    func testTheStreamOfAPageThatWentAwayIsClosedAtTheNextHeartbeat() throws {
        let server = try Running(try TestSite()) { $0.heartbeat = .milliseconds(100) }
        defer { server.stop() }
        let stream = try EventStreamProbe(port: server.port)
        XCTAssertTrue(stream.waitUntilConnected())
        XCTAssertEqual(server.preview.openStreams, 1)
        stream.close()
        try wait("the stream of the page that went away is closed") { server.preview.openStreams == 0 }
    }

    /// Every answer shares the storage of the page built once: clients that ask for a large
    /// page and never read it hold no copy of it each (300 such clients took serve to 840 MB).
    func testAnswersShareThePageBuiltOnceNeverACopyEach() async throws {
        let site = try TestSite(["content/big.md": "---\ntitle: Big\n---\n\n" + String(repeating: "A paragraph of words to make a large page.\n\n", count: 70_000)])
        let preview = PreviewSite(source: site.folder)
        preview.rebuild()
        let served = try XCTUnwrap(preview.file(at: "big/index.html")).contents
        XCTAssertGreaterThan(served.readableBytes, 3_000_000)
        let provider = SiteFileProvider(site: preview)
        for body in [try await provider.loadFile(id: "big/index.html", context: BasicRequestContext(source: .init(channel: EmbeddedChannel(), logger: Logger(label: "test")))),
                     try await provider.loadFile(id: "big/index.html", range: 10...1_000_009, context: BasicRequestContext(source: .init(channel: EmbeddedChannel(), logger: Logger(label: "test"))))] {
            let writer = CollectingWriter()
            try await body.write(writer)
            let buffers = writer.buffers.withLock { $0 }
            XCTAssertEqual(buffers.count, 1)
            let start = served.withUnsafeReadableBytes { UInt(bitPattern: $0.baseAddress) }
            let sent = try XCTUnwrap(buffers.first).withUnsafeReadableBytes { UInt(bitPattern: $0.baseAddress) }
            XCTAssertTrue(sent == start || sent == start + 10, "the answer is the built page's own storage")
        }
    }

    private final class CollectingWriter: ResponseBodyWriter, @unchecked Sendable {
        let buffers = Mutex<[ByteBuffer]>([])
        func write(_ buffer: ByteBuffer) async throws { buffers.withLock { $0.append(buffer) } }
        func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    private func wait(_ what: String, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(20)
        while !condition() {
            guard Date() < deadline else {
                XCTFail("timed out waiting for \(what)")
                throw POSIXError(.ETIMEDOUT)
            }
            usleep(10_000)
        }
    }

    /// The preview tells everything the build tells: each warning in a banner on every page, with
    /// its place and fix; and an open tab is sent to the page made from the file just saved.
    func testWarningsAreShownInThePageAndTheTabFollowsTheSavedFile() throws {
        let site = try TestSite(["content/x.md": "---\ntitle: X\n---\n\nWords.\n"])
        let server = try Running(site)
        defer { server.stop() }
        XCTAssertFalse(try server.http.get("/").body.contains("hubsite-warnings"), "no banner without warnings")
        let events = try EventStreamProbe(port: server.port)
        defer { events.close() }
        XCTAssertTrue(events.waitUntilConnected())
        try site.write("---\ntitle: X\n---\n\n| a | b |\n", to: "content/x.md")
        server.edited("content/x.md")
        XCTAssertTrue(events.waitForReload(after: 0))
        XCTAssertTrue(events.received.contains { $0.hasPrefix("data: ") && $0.hasSuffix(" /x/") }, "\(events.received)")
        let page = try server.http.get("/").body
        XCTAssertTrue(page.contains(#"<details id="hubsite-warnings" role="status""#), page)
        XCTAssertTrue(page.contains("1 warning in this build (the site still builds)"), page)
        XCTAssertTrue(page.contains("<code>content/x.md:5:1</code>: this looks like a table"), page)
        XCTAssertTrue(page.contains("fix: "), page)
        XCTAssertTrue(page.contains(#"String(event.data).split(" ")[1]"#), "the script follows the saved file")
        XCTAssertFalse(try server.http.get("/x/").body.contains("hubsite-error"))
    }

    func testWithoutFollowingTheOpenTabStaysWhereItIs() throws {
        let site = try TestSite()
        let preview = PreviewSite(source: site.folder, followEdits: false)
        preview.rebuild()
        let page = String(buffer: try XCTUnwrap(preview.file(at: "index.html")).contents)
        XCTAssertTrue(page.contains("var page = null;"), page)
        XCTAssertEqual(PreviewSite.page(madeFrom: ["site.yml", "content/hubs/solent.md"]), "/hubs/solent/")
        XCTAssertEqual(PreviewSite.page(madeFrom: ["content/index.md"]), "/")
        XCTAssertNil(PreviewSite.page(madeFrom: ["templates/page.mustache", "content/map.png"]))
    }

    func testAConnectionThatSendsNoRequestIsClosedAfterTheTimeout() throws {
        let server = try Running(try TestSite()) { $0.idleTimeout = .milliseconds(300) }
        defer { server.stop() }
        for partial in ["", "GET / HTTP/1.1\r\nHost: 127.0"] {
            let fd = try server.http.connect()
            defer { close(fd) }
            _ = partial.withCString { send(fd, $0, strlen($0), 0) }
            let start = Date()
            var byte: UInt8 = 0
            XCTAssertEqual(recv(fd, &byte, 1, 0), 0, "the server closed the connection")
            XCTAssertLessThan(Date().timeIntervalSince(start), 5, "within the timeout, not the test's own 10 s")
        }
    }

    func testAFloodOfIdleConnectionsLeavesRoomForTheEditorsBrowser() throws {
        let server = try Running(try TestSite()) { $0.maximumConnections = 16 }
        defer { server.stop() }
        var flood: [Int32] = []
        defer { flood.forEach { close($0) } }
        for index in 0..<200 {
            let fd = try server.http.connect()
            if index.isMultiple(of: 2) { _ = "GET / HTTP/1.1\r\n".withCString { send(fd, $0, strlen($0), 0) } }
            flood.append(fd)
        }
        for _ in 0..<5 {
            let page = try server.http.get("/")
            XCTAssertEqual(page.status, 200, "the page is answered however many idle clients wait")
            XCTAssertTrue(page.body.contains("Cohort 11 information sheet"))
        }
        // The oldest waiting clients were closed to make room: at most 16 connections stay open.
        var byte: UInt8 = 0
        var closed = 0
        for _ in 0..<20 where closed < 200 - 16 {
            usleep(100_000)
            closed = flood.filter { recv($0, &byte, 1, Int32(MSG_DONTWAIT) | Int32(MSG_PEEK)) == 0 }.count
        }
        XCTAssertGreaterThanOrEqual(closed, 200 - 16)
    }

    func testNothingOutsideTheBuiltSiteIsReachable() throws {
        let site = try TestSite()
        let server = try Running(site)
        defer { server.stop() }
        // A link added while serving makes the build fail; the last good site stays and the link is never served.
        try FileManager.default.createSymbolicLink(atPath: site.folder.appendingPathComponent("content/passwd.txt").path,
                                                   withDestinationPath: "/etc/passwd")
        try site.write("secret", to: "secret.txt")
        server.edited("content/passwd.txt", "secret.txt")
        XCTAssertNotNil(server.preview.failure)
        for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/etc/passwd", "/..%2fsecret.txt", "/a/../../secret.txt",
                     "/..\\secret.txt", "/%5c..%5csecret.txt", "/%00", "/index.html%00.txt", "/passwd.txt", "//etc/passwd", "/site.yml"] {
            let response = try server.http.send("GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            XCTAssertTrue([400, 404].contains(response.status), "\(path) answered \(response.status)")
            XCTAssertFalse(response.body.contains("root:") || response.body.contains("secret"), "\(path) leaked a file")
        }
        for garbage in ["HELLO\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", String(repeating: "A", count: 70_000) + "\r\n\r\n",
                        "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"] {
            let response = try server.http.send(garbage)
            XCTAssertTrue((400..<500).contains(response.status), "\(garbage.prefix(20).debugDescription) answered \(response.status) (0: no answer)")
        }
        XCTAssertEqual(try server.http.get("/").status, 200, "the server still answers after malformed requests")
    }

    func testContentEditTemplateEditAndAtomicSaveEachReload() throws {
        let site = try TestSite.real()
        let server = try Running(site, watching: true)
        defer { server.stop() }
        let events = try EventStreamProbe(port: server.port)
        defer { events.close() }
        XCTAssertTrue(events.waitUntilConnected())
        // Each save is followed until the page shows it: a watcher may see one save as two events.
        func served(_ path: String, _ text: String) throws {
            try wait("\(path) to show \"\(text)\"") { (try? server.http.get(path).body.contains(text)) == true }
        }

        var seen = events.reloads
        try site.write(TestSite.sheet.replacingOccurrences(of: "## Overview", with: "## Overview\n\nFreshly edited."), to: "content/index.md")
        try served("/", "Freshly edited.")
        XCTAssertTrue(events.waitForReload(after: seen), "a content edit sends a reload")

        seen = events.reloads
        let template = try String(contentsOf: site.folder.appendingPathComponent("templates/partials/footer.mustache"), encoding: .utf8)
        try site.write(template.replacingOccurrences(of: "Published by", with: "Lovingly published by"), to: "templates/partials/footer.mustache")
        try served("/accessibility/", "Lovingly published by")
        XCTAssertTrue(events.waitForReload(after: seen), "a template edit sends a reload")

        // Editors' safe save: write a temporary file, then rename it over the original.
        seen = events.reloads
        let temporary = site.folder.appendingPathComponent("content/.accessibility.md.tmp")
        try Data("---\ntitle: Renamed into place\n---\n".utf8).write(to: temporary)
        XCTAssertEqual(rename(temporary.path, site.folder.appendingPathComponent("content/accessibility.md").path), 0)
        try served("/accessibility/", "Renamed into place")
        XCTAssertTrue(events.waitForReload(after: seen), "a rename over the file sends a reload")

        // A new folder with a new page is watched as well.
        seen = events.reloads
        try site.write("---\ntitle: Deep page\n---\n", to: "content/guides/deep/page.md")
        try served("/guides/deep/page/", "Deep page")
        XCTAssertTrue(events.waitForReload(after: seen))
    }

    func testBrokenFileShowsTheErrorOverTheLastGoodSite() throws {
        let site = try TestSite()
        let server = try Running(site)
        defer { server.stop() }
        let events = try EventStreamProbe(port: server.port)
        defer { events.close() }
        XCTAssertTrue(events.waitUntilConnected())

        try site.write("---\ntitle: Accessibility\ncolour: red\n---\n", to: "content/accessibility.md")
        server.edited("content/accessibility.md")
        XCTAssertTrue(events.waitForReload(after: 0), "\(events.received)")
        let page = try server.http.get("/")
        XCTAssertEqual(page.status, 200, "the last good site stays up")
        XCTAssertTrue(page.body.contains("Cohort 11 information sheet"))
        XCTAssertTrue(page.body.contains(#"<div id="hubsite-error" role="alert""#))
        XCTAssertTrue(page.body.contains("content/accessibility.md:3:1: error: unknown key &quot;colour&quot; in the front matter"), page.body)

        try site.write("---\ntitle: Accessibility\n---\n", to: "content/accessibility.md")
        server.edited("content/accessibility.md")
        XCTAssertTrue(events.waitForReload(after: 1))
        XCTAssertFalse(try server.http.get("/").body.contains("hubsite-error"), "fixing the file clears the overlay")
    }

    func testServingNeverWritesToPublic() throws {
        let site = try TestSite()
        try site.build()
        let before = try snapshot(site.output)
        let server = try Running(site)
        let events = try EventStreamProbe(port: server.port)
        XCTAssertTrue(events.waitUntilConnected())
        try site.write(TestSite.sheet + "\nMore.\n", to: "content/index.md")
        server.edited("content/index.md")
        XCTAssertTrue(events.waitForReload(after: 0))
        _ = try server.http.get("/")
        events.close()
        server.stop()
        XCTAssertEqual(try snapshot(site.output), before)
    }

    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for url in FileTree.files(under: folder) { files[FileTree.relativePath(of: url, in: folder)] = try Data(contentsOf: url) }
        return files
    }
}

extension PreviewServerTests {
    func testWhenNoBuildHasWorkedYetEveryAddressShowsTheErrors() throws {
        let site = try TestSite(["content/x.md": "---\ntitle: X\ncolour: red\n---\n"])
        let server = try Running(site)
        defer { server.stop() }
        let page = try server.http.get("/anything/")
        XCTAssertEqual(page.status, 500)
        XCTAssertTrue(page.body.contains("unknown key &quot;colour&quot;"), page.body)
        XCTAssertTrue(page.body.contains("EventSource"), "the page reloads once the error is fixed")
    }
}

/// A value shared between a test and the server task.
final class LockedValue<T>: @unchecked Sendable {
    private var value: T
    private let lock = NSLock()
    init(_ value: T) { self.value = value }
    func get() -> T { lock.lock(); defer { lock.unlock() }; return value }
    func set(_ newValue: T) { lock.lock(); value = newValue; lock.unlock() }
    func update(_ change: (inout T) -> Void) { lock.lock(); change(&value); lock.unlock() }
}
