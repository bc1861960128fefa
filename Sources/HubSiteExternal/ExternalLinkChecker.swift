import AsyncHTTPClient
import Foundation
import HubSite
import NIOCore
import NIOHTTP1

/// `hubsite check --external`: fetches each distinct address the site links to once (HEAD,
/// then GET where HEAD is refused or a `#fragment` must be found), a few at a time, each within
/// the timeout; follows redirects itself, so that it can say where an address leads now.
public struct ExternalLinkChecker: Sendable {
    public var timeout: Duration
    /// How many addresses are fetched at the same time: enough to be quick, few enough not to hammer a host.
    public var concurrency: Int
    public var cache: ExternalLinkCache?

    public init(timeout: Duration = .seconds(10), concurrency: Int = 8, cache: ExternalLinkCache? = nil) {
        self.timeout = timeout
        self.concurrency = max(1, concurrency)
        self.cache = cache
    }

    public struct Report: Sendable {
        /// Errors for broken links, warnings for moved ones and missing fragments, at every place each was written.
        public var diagnostics: [Diagnostic]
        public var addresses: Int
        public var fromCache: Int
        public var fine: Int
        public var moved: Int
        public var broken: Int
        public var seconds: Double

        /// "checked 6 external addresses in 1.2 s: 2 fine, 1 moved, 3 broken (2 from the cache)"
        public var summary: String {
            let noun = addresses == 1 ? "address" : "addresses"
            return "checked \(addresses) external \(noun) in \(String(format: "%.1f", seconds)) s: \(fine) fine, \(moved) moved, \(broken) broken"
                + (fromCache > 0 ? " (\(fromCache) from the cache)" : "")
        }
    }

    public func check(_ links: [ExternalLink]) async -> Report {
        let started = ContinuousClock.now
        // One fetch per address without its fragment; a body is read only when a fragment needs it.
        let web = links.filter { Self.isWeb($0.url) }
        var byAddress: [String: Bool] = [:]
        for link in web {
            let needsBody = Self.fragment(of: link.url) != nil
            byAddress[Self.address(of: link.url), default: false] = byAddress[Self.address(of: link.url), default: false] || needsBody
        }
        let addresses = byAddress.keys.sorted()
        var cached = cache?.load() ?? [:]
        var results: [String: FetchResult] = [:]
        var fromCache = 0
        var toFetch: [(String, Bool)] = []
        for address in addresses {
            if let hit = cached[address], byAddress[address] == false || hit.ids != nil {
                results[address] = hit
                fromCache += 1
            } else {
                toFetch.append((address, byAddress[address]!))
            }
        }
        let fetched = await fetchAll(toFetch)
        for (address, result) in fetched {
            results[address] = result
            // Only what a server answered is kept: a failed connection may work a minute later.
            if result.isAnswer { cached[address] = result }
        }
        cache?.save(cached)

        var diagnostics: [Diagnostic] = []
        var fine = 0, moved = 0, broken = 0
        for address in addresses {
            guard let result = results[address] else { continue }
            switch result.verdict {
            case .fine: fine += 1
            case .moved: moved += 1
            case .broken: broken += 1
            }
        }
        for link in web {
            guard let result = results[Self.address(of: link.url)] else { continue }
            diagnostics += Self.diagnostics(for: link, result)
        }
        let elapsed = started.duration(to: .now)
        return Report(diagnostics: diagnostics.sorted(), addresses: addresses.count, fromCache: fromCache, fine: fine, moved: moved,
                      broken: broken, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    static func diagnostics(for link: ExternalLink, _ result: FetchResult) -> [Diagnostic] {
        var found: [(Diagnostic.Severity, String, String)] = []
        switch result.verdict {
        case .broken(let reason):
            found.append((.error, "broken link \"\(link.url)\": \(reason)", result.fix))
        case .moved(let final):
            let written = final + (fragment(of: link.url).map { "#" + $0 } ?? "")
            found.append((.warning, "link \"\(link.url)\" is redirected to \"\(written)\"", "write \"\(written)\" instead, so readers go straight there"))
        case .fine:
            break
        }
        if let fragment = fragment(of: link.url), !fragment.isEmpty, !fragment.hasPrefix(":~:"), let ids = result.ids, !ids.contains(fragment) {
            found.append((.warning, "link \"\(link.url)\": the page has no id \"\(fragment)\"",
                          "link to the page without \"#\(fragment)\", or to an id it has (unless the page's own scripts make it)"))
        }
        return link.places.flatMap { place in found.map { Diagnostic($0.0, at: place, $0.1, fix: $0.2) } }
    }

    // MARK: - Fetching

    private func fetchAll(_ addresses: [(String, Bool)]) async -> [(String, FetchResult)] {
        guard !addresses.isEmpty else { return [] }
        let amount = TimeAmount.nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: amount, read: amount)))
        var results: [(String, FetchResult)] = []
        await withTaskGroup(of: (String, FetchResult).self) { group in
            var next = addresses.makeIterator()
            func startNext() {
                guard let (address, needsBody) = next.next() else { return }
                group.addTask { (address, await fetchWithinTimeout(address, needsBody: needsBody, client: client, timeout: amount)) }
            }
            for _ in 0..<concurrency { startNext() }
            while let result = await group.next() {
                results.append(result)
                startNext()
            }
        }
        try? await client.shutdown()
        return results
    }

    /// The whole check of one address, redirects and body included, within the timeout: a
    /// server that drips a byte a second, or redirects ten times slowly, is given up on.
    private func fetchWithinTimeout(_ address: String, needsBody: Bool, client: HTTPClient, timeout: TimeAmount) async -> FetchResult {
        await withTaskGroup(of: FetchResult?.self) { group in
            group.addTask { await fetch(address, needsBody: needsBody, client: client, timeout: timeout) }
            group.addTask {
                // A moment more than the requests' own deadline, so that a refused connection
                // that was tried again until then is reported as such.
                try? await Task.sleep(for: .nanoseconds(timeout.nanoseconds) + .milliseconds(250))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? FetchResult(status: nil, reason: nil, final: nil, ids: nil,
                                        failure: Self.describe(HTTPClientError.deadlineExceeded, address: address, timeout: timeout))
        }
    }

    private func fetch(_ address: String, needsBody: Bool, client: HTTPClient, timeout: TimeAmount) async -> FetchResult {
        let deadline = NIODeadline.now() + timeout
        var current = address
        var redirected = false
        for _ in 0..<10 {
            do {
                var response = try await request(current, method: needsBody ? .GET : .HEAD, client: client, deadline: deadline)
                // Some servers refuse HEAD, or answer it wrongly: ask again with GET before calling the link broken.
                if !needsBody, response.status.code >= 400 {
                    response = try await request(current, method: .GET, client: client, deadline: deadline)
                }
                let code = Int(response.status.code)
                if (300..<400).contains(code), let location = response.headers.first(name: "location"),
                   let next = URL(string: location, relativeTo: URL(string: current))?.absoluteString {
                    // Only to the web: never to a local socket (http+unix://, unix://) or a file.
                    guard Self.isWeb(next) else {
                        return FetchResult(status: nil, reason: nil, final: nil, ids: nil,
                                           failure: "it is redirected to \"\(next)\", which is not a web address; only http and https are followed")
                    }
                    current = next
                    redirected = true
                    continue
                }
                var ids: Set<String>?
                if needsBody, (200..<300).contains(code) {
                    ids = try await Self.ids(in: response.body)
                }
                return FetchResult(status: code, reason: response.status.reasonPhrase, final: redirected ? current : nil, ids: ids, failure: nil)
            } catch {
                return FetchResult(status: nil, reason: nil, final: redirected ? current : nil, ids: nil, failure: Self.describe(error, address: current, timeout: timeout))
            }
        }
        return FetchResult(status: nil, reason: nil, final: current, ids: nil, failure: "it is redirected more than 10 times")
    }

    /// A page's first 10 MB is read for its ids; past that, what it holds is not known (nil),
    /// and a fragment is not reported missing.
    private static func ids(in body: HTTPClientResponse.Body) async throws -> Set<String>? {
        let limit = 10 * 1024 * 1024
        var bytes: [UInt8] = []
        for try await chunk in body {
            guard bytes.count + chunk.readableBytes <= limit else { return nil }
            bytes += chunk.readableBytesView
        }
        return HTMLAnchors.ids(in: bytes)
    }

    private func request(_ url: String, method: HTTPMethod, client: HTTPClient, deadline: NIODeadline) async throws -> HTTPClientResponse {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "User-Agent", value: "hubsite-link-check")
        request.headers.add(name: "Accept", value: "text/html,*/*;q=0.8")
        return try await client.execute(request, deadline: deadline)
    }

    /// What went wrong, in the words of someone who clicked the link.
    static func describe(_ error: Error, address: String, timeout: TimeAmount) -> String {
        let host = URL(string: address)?.host ?? address
        let text = String(describing: error)
        if let error = error as? HTTPClientError, [.deadlineExceeded, .readTimeout, .connectTimeout].contains(error) {
            return "no answer within \(Double(timeout.nanoseconds) / 1e9) s".replacingOccurrences(of: ".0 s", with: " s")
        }
        if text.contains("connectionRefused") || text.contains("ECONNREFUSED") || text.contains("Connection refused") {
            return "\(host) refused the connection: nothing answers there"
        }
        if text.contains("dns") || text.contains("DNS") || text.contains("getaddrinfo") || text.contains("resolve") {
            return "the host \(host) was not found (DNS)"
        }
        return "it could not be fetched (\(text))"
    }

    // MARK: - Addresses

    static func isWeb(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }

    static func address(of url: String) -> String {
        url.firstIndex(of: "#").map { String(url[..<$0]) } ?? url
    }

    static func fragment(of url: String) -> String? {
        url.firstIndex(of: "#").map { String(url[url.index(after: $0)...]).removingPercentEncoding ?? "" }
    }
}

/// What fetching one address found: the answer, or why there was none.
public struct FetchResult: Codable, Sendable, Hashable {
    var status: Int?
    var reason: String?
    /// Where the address leads after its redirects, when it is redirected.
    var final: String?
    /// The page's ids, read when a link to it has a fragment.
    var ids: Set<String>?
    var failure: String?
    /// When it was fetched (seconds since 1970), for the cache.
    var fetched: Double = 0

    enum Verdict: Equatable { case fine, moved(String), broken(String) }

    var isAnswer: Bool { status != nil }

    var verdict: Verdict {
        if let failure { return .broken(failure) }
        guard let status else { return .broken("no answer") }
        if status >= 400 { return .broken("the server answered \(status) \(reason ?? "")".trimmingCharacters(in: .whitespaces)) }
        if let final { return .moved(final) }
        return .fine
    }

    var fix: String {
        guard let status else { return "check the address; if it is right, the site may be down: try again later with --no-cache" }
        if status >= 500 { return "the other site has a problem: try again later with --no-cache, and tell its owners if it stays" }
        return "correct the address, or remove the link if the page has gone"
    }
}
