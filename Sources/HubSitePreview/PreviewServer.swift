import Foundation
import HubSite
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
public import UnixSignals

/// `hubsite serve`: the site built in memory, served on 127.0.0.1 with Hummingbird, rebuilt
/// when its sources change, and open pages told to reload through Server-Sent Events.
public struct PreviewServer: Sendable {
    public var site: PreviewSite
    public var port: Int
    public var host: String = "127.0.0.1"
    /// Open connections at most: a browser opens a few, so this leaves room for many tabs and
    /// keeps a flood far from the process's limit on open files.
    public var maximumConnections = 256
    /// Live-reload streams at most: a new one closes the oldest (a tab that is still open
    /// reconnects within half a second), so streams never crowd out the editor's own page.
    public var maximumStreams = 64
    /// How often open streams are written to: a page that went away is noticed, and its stream
    /// closed, within this time.
    public var heartbeat: Duration = .seconds(2)
    /// A connection that sends no complete request for this long is closed: a slow or idle
    /// client holds nothing for long. Live-reload streams are answers, not idle.
    public var idleTimeout: TimeAmount = .seconds(10)

    public init(site: PreviewSite, port: Int) {
        self.site = site
        self.port = port
    }

    /// Runs until cancelled or until SIGINT/SIGTERM (Ctrl-C). The live-reload streams are
    /// ended first, so open pages do not hold the server's graceful shutdown.
    public func run(signals: [UnixSignal] = [.sigterm, .sigint], onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var logger = Logger(label: "hubsite.serve")
        logger.logLevel = .error
        let group = ServiceGroup(configuration: .init(
            services: [application(onRunning: onRunning), LiveReloadService(site: site, heartbeat: heartbeat)],
            gracefulShutdownSignals: signals,
            logger: logger))
        try await group.run()
    }

    /// The Hummingbird application; `onRunning` receives the bound port (useful with port 0).
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router()
        router.middlewares.add(RequestGuard())
        router.middlewares.add(SuffixRange(site: site))
        router.middlewares.add(NotFoundPage(site: site))
        router.middlewares.add(FileMiddleware(fileProvider: SiteFileProvider(site: site), searchForIndexHtml: true))
        let site = self.site
        router.get(RouterPath(LiveReload.eventsPath)) { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\n"))
                for await event in site.events() {
                    switch event {
                    case .reload(let generation, let page):
                        // The data: the build's number, then the page to go to, if any.
                        try await writer.write(ByteBuffer(string: "event: reload\ndata: \(generation)\(page.map { " " + $0 } ?? "")\n\n"))
                    case .heartbeat: try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                    }
                }
                try await writer.finish(nil)
            })
        }
        var logger = Logger(label: "hubsite.serve")
        logger.logLevel = .error
        let limit = ConnectionLimit(maximum: maximumConnections, maximumStreams: maximumStreams, streamPath: LiveReload.eventsPath)
        return Application(
            router: router,
            server: .http1(configuration: .init(additionalChannelHandlers: [limit.handler()], idleTimeout: idleTimeout)),
            configuration: .init(address: .hostname(host, port: port), serverName: "hubsite", reuseAddress: false),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }
}

/// Refuses what no file of the site can answer before it reaches anything else: a NUL byte or a
/// backslash in the path. Also drops `If-Modified-Since`, whose one-second resolution could keep
/// a page that changed twice in a second; the ETag decides instead.
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let raw = request.uri.path
        let decoded = raw.removingPercentEncoding ?? raw
        if decoded.contains("\0") || decoded.contains("\\") || raw.contains("\\") {
            return Response(status: .badRequest, body: ResponseBody(byteBuffer: ByteBuffer(string: "Bad request\n")))
        }
        guard request.headers[.ifModifiedSince] != nil else { return try await next(request, context) }
        var head = request.head
        head.headerFields[.ifModifiedSince] = nil
        return try await next(Request(head: head, body: request.body), context)
    }
}

/// Unknown addresses get the site's 404.html with status 404, as a static host would answer.
struct NotFoundPage<Context: RequestContext>: RouterMiddleware {
    let site: PreviewSite

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            return response.status == .notFound ? notFound() : response
        } catch let error as any HTTPResponseError where error.status == .notFound {
            return notFound()
        }
    }

    private func notFound() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        if let page = site.file(at: "404.html")?.contents {
            return Response(status: .notFound, headers: headers, body: ResponseBody(byteBuffer: page))
        }
        // No build has worked yet: every address shows the errors, and reloads when they are fixed.
        let errors = site.failure.map(LiveReload.overlay) ?? ""
        let page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>hubsite preview</title></head><body>"
            + errors + LiveReload.script(followEdits: site.followEdits) + "</body></html>"
        return Response(status: site.failure == nil ? .notFound : .internalServerError, headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }
}

/// Keeps event streams alive while the server runs, and ends them when it stops, so that
/// Ctrl-C does not wait for pages that are still open.
struct LiveReloadService: Service {
    let site: PreviewSite
    let heartbeat: Duration

    func run() async throws {
        // Listed after the server, so a graceful shutdown reaches this service first.
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: heartbeat)
                site.broadcast(.heartbeat)
            }
        }
        site.finishAllStreams()
    }
}
