import Foundation
import Hummingbird
import Logging
import XCTest
@testable import HubSite
@testable import HubSiteExternal

/// `hubsite check --external` against a server on 127.0.0.1 (never any other address: this
/// machine has no network, and a test must not depend on someone else's site).
final class ExternalLinkTests: XCTestCase {
    /// Serves 200, 301 → 200, 404, 500, a page slower than the timeout and one that refuses HEAD; counts requests.
    final class LocalWeb: @unchecked Sendable {
        let task: Task<Void, Error>
        let port: Int
        private let counts = LockedValue<[String: Int]>([:])

        init() throws {
            let ready = DispatchSemaphore(value: 0)
            let bound = LockedValue(0)
            let router = Router()
            let counts = self.counts
            func route(_ path: String, _ respond: @escaping @Sendable (Request) async throws -> Response) {
                for method in [HTTPRequest.Method.get, .head] {
                    router.on(RouterPath(path), method: method) { request, _ in
                        counts.update { $0["\(request.method) \(path)", default: 0] += 1 }
                        return try await respond(request)
                    }
                }
            }
            @Sendable func html(_ body: String) -> Response {
                Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
            }
            route("/ok") { _ in html("<!DOCTYPE html><title>OK</title><h2 id=\"here\">Here</h2>") }
            route("/moved") { _ in Response(status: .movedPermanently, headers: [.location: "/ok"]) }
            route("/gone") { _ in Response(status: .notFound) }
            route("/broken") { _ in Response(status: .internalServerError) }
            route("/slow") { _ in
                try await Task.sleep(for: .seconds(3))
                return html("late")
            }
            route("/no-head") { request in request.method == .head ? Response(status: .methodNotAllowed) : html("fine by GET") }
            // A body that drips a byte at a time, more slowly than the timeout allows in all.
            route("/drip") { _ in
                Response(status: .ok, headers: [.contentType: "text/html"], body: ResponseBody { writer in
                    for _ in 0..<20 {
                        try await writer.write(ByteBuffer(string: "<"))
                        try await Task.sleep(for: .milliseconds(200))
                    }
                    try await writer.finish(nil)
                })
            }
            // Redirects, each quicker than the timeout, together slower.
            for hop in 0..<5 {
                route("/hop\(hop)") { _ in
                    try await Task.sleep(for: .milliseconds(300))
                    return Response(status: .found, headers: [.location: hop == 4 ? "/ok" : "/hop\(hop + 1)"])
                }
            }
            route("/to-socket") { _ in Response(status: .found, headers: [.location: "http+unix://%2Fvar%2Frun%2Fdocker.sock/info"]) }
            route("/huge") { _ in
                html("<h2 id=\"top\">Top</h2>" + String(repeating: "<p>words</p>", count: 1_000_000))
            }
            var logger = Logger(label: "local-web")
            logger.logLevel = .critical
            let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                                  onServerRunning: { channel in
                                      bound.set(channel.localAddress?.port ?? 0)
                                      ready.signal()
                                  }, logger: logger)
            task = Task { try await app.run() }
            guard ready.wait(timeout: .now() + 30) == .success else { throw POSIXError(.ETIMEDOUT) }
            port = bound.get()
        }

        var requests: [String: Int] { counts.get() }
        func stop() { task.cancel() }
    }

    /// A port on 127.0.0.1 where nothing listens: bound, then closed.
    private func refusedPort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, size) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &size) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private func site(web: Int, refused: Int) throws -> TestSite {
        let base = "http://127.0.0.1:\(web)"
        // The real templates: the hub's website is a link only where hub.mustache shows it.
        return try TestSite.real([
            "content/links.md": """
                ---
                title: Links
                ---

                - [fine](\(base)/ok)
                - [fragment](\(base)/ok#here)
                - [no such fragment](\(base)/ok#nowhere)
                - [moved](\(base)/moved)
                - [gone](\(base)/gone)
                - [broken](\(base)/broken)
                - [slow](\(base)/slow)
                - [no HEAD](\(base)/no-head)
                - [refused](http://127.0.0.1:\(refused)/)

                """,
            "content/more.md": "---\ntitle: More\n---\n\nThe same [gone page](\(base)/gone) again.\n",
            "content/hubs/solent.md": "---\nname: Solent Maths Hub\nregion: South East\nwebsite: \(base)/gone\n---\n",
        ])
    }

    func testCheckExternalReportsEachProblemAtEveryPlaceThatLinksThere() throws {
        let web = try LocalWeb()
        defer { web.stop() }
        let refused = try refusedPort()
        let site = try site(web: web.port, refused: refused)
        XCTAssertEqual(try HubsiteBinary.run(["build"], in: site.folder).status, 0)
        let result = try HubsiteBinary.run(["check", "--external", "--timeout", "0.5", "--today", "2026-01-10"], in: site.folder)
        let base = "http://127.0.0.1:\(web.port)"
        let problems = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("    fix:") && !$0.hasPrefix("checked ") }.map(String.init)
        XCTAssertEqual(problems, [
            "content/hubs/solent.md:4:10: error: broken link \"\(base)/gone\": the server answered 404 Not Found",
            // What the build says is said by check too.
            "content/hubs/solent.md:4:10: warning: the website \"\(base)/gone\" starts with http://: browsers warn readers that it is not secure",
            "content/links.md:7:3: warning: link \"\(base)/ok#nowhere\": the page has no id \"nowhere\"",
            "content/links.md:8:3: warning: link \"\(base)/moved\" is redirected to \"\(base)/ok\"",
            "content/links.md:9:3: error: broken link \"\(base)/gone\": the server answered 404 Not Found",
            "content/links.md:10:3: error: broken link \"\(base)/broken\": the server answered 500 Internal Server Error",
            "content/links.md:11:3: error: broken link \"\(base)/slow\": no answer within 0.5 s",
            "content/links.md:13:3: error: broken link \"http://127.0.0.1:\(refused)/\": 127.0.0.1 refused the connection: nothing answers there",
            "content/more.md:5:10: error: broken link \"\(base)/gone\": the server answered 404 Not Found",
        ], result.stderr)
        XCTAssertTrue(result.stderr.contains("    fix: write \"\(base)/ok\" instead, so readers go straight there\n"))
        XCTAssertTrue(result.stderr.contains("checked 7 external addresses in "), result.stderr)
        XCTAssertTrue(result.stderr.contains(" s: 2 fine, 1 moved, 4 broken\n"), result.stderr)
        XCTAssertEqual(result.status, 1)
        let requests = web.requests
        XCTAssertEqual(requests["GET /ok"], 1, "once for the fragments of three links: \(requests)")
        XCTAssertEqual(requests["HEAD /ok"], 1, "at the end of the redirect")
        XCTAssertEqual(requests["GET /gone"], 1, "HEAD refused, then GET, once for both pages that link there")
        XCTAssertEqual(requests["HEAD /no-head"], 1)
        XCTAssertEqual(requests["GET /no-head"], 1)

        // Within a day, what servers answered comes from the cache; what failed to connect is asked again.
        let again = try HubsiteBinary.run(["check", "--external", "--timeout", "0.5", "--today", "2026-01-10"], in: site.folder)
        XCTAssertEqual(again.stderr.split(separator: "\n").filter { $0.hasPrefix("content/") }, result.stderr.split(separator: "\n").filter { $0.hasPrefix("content/") })
        XCTAssertTrue(again.stderr.contains("(5 from the cache)"), again.stderr)
        XCTAssertEqual(web.requests["GET /gone"], 1)
        let fresh = try HubsiteBinary.run(["check", "--external", "--no-cache", "--timeout", "0.5", "--today", "2026-01-10"], in: site.folder)
        XCTAssertFalse(fresh.stderr.contains("from the cache"))
        XCTAssertEqual(web.requests["GET /gone"], 2)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.folder.appendingPathComponent(".hubsite-cache/external-links.json").path))
        XCTAssertFalse(site.exists(".hubsite-cache"), "never in public/")
    }

    /// --timeout bounds each address's whole check; redirects go only to the web; a page too
    /// large to read for its ids is no error.
    func testTheTimeoutBoundsTheWholeCheckAndRedirectsStayOnTheWeb() throws {
        let web = try LocalWeb()
        defer { web.stop() }
        let base = "http://127.0.0.1:\(web.port)"
        let site = try TestSite(["content/links.md": """
            ---
            title: Links
            ---

            - [drip](\(base)/drip#x)
            - [hops](\(base)/hop0)
            - [socket](\(base)/to-socket)
            - [huge](\(base)/huge#top)

            """])
        XCTAssertEqual(try HubsiteBinary.run(["build"], in: site.folder).status, 0)
        let started = Date()
        let result = try HubsiteBinary.run(["check", "--external", "--no-cache", "--timeout", "1", "--today", "2026-01-10"], in: site.folder)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30, "bounded by the timeout, not by the servers")
        let problems = result.stderr.split(separator: "\n").filter { $0.hasPrefix("content/") }.map(String.init)
        XCTAssertEqual(problems, [
            "content/links.md:5:3: error: broken link \"\(base)/drip#x\": no answer within 1 s",
            "content/links.md:6:3: error: broken link \"\(base)/hop0\": no answer within 1 s",
            "content/links.md:7:3: error: broken link \"\(base)/to-socket\": it is redirected to \"http+unix://%2Fvar%2Frun%2Fdocker.sock/info\", which is not a web address; only http and https are followed",
        ], result.stderr)
    }

    func testWithoutExternalNothingIsFetched() throws {
        let web = try LocalWeb()
        defer { web.stop() }
        let site = try site(web: web.port, refused: try refusedPort())
        XCTAssertEqual(try HubsiteBinary.run(["build"], in: site.folder).status, 0)
        let result = try HubsiteBinary.run(["check", "--today", "2026-01-10"], in: site.folder)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("external links (not fetched; fetch them with --external):\n  http://127.0.0.1:"), result.stdout)
        XCTAssertEqual(web.requests, [:])
    }

    func testTheCacheForgetsAfterADay() throws {
        let folder = try TemporaryFolders.shared.make("cache")
        let now = LockedValue(Date(timeIntervalSince1970: 1_800_000_000))
        let cache = ExternalLinkCache(siteFolder: folder, now: { now.get() })
        cache.save(["https://example.org/": FetchResult(status: 200, reason: "OK", final: nil, ids: nil, failure: nil)])
        XCTAssertEqual(cache.load().count, 1)
        now.update { $0 = $0.addingTimeInterval(86_401) }
        XCTAssertEqual(cache.load().count, 0)
        try Data("not json".utf8).write(to: cache.file)
        XCTAssertEqual(cache.load().count, 0, "an unreadable cache counts as empty")
    }
}
