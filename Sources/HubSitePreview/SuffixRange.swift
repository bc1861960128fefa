import Foundation
import Hummingbird

/// `Range: bytes=-N` asks for the last N bytes (RFC 9110 §14.1.1); FileMiddleware reads it as
/// the first N + 1. This turns a suffix range into the plain range it means, and answers one
/// that can match nothing (`bytes=-0`, or any range of an empty file) with 416; several
/// ranges in one request are ignored.
struct SuffixRange<Context: RequestContext>: RouterMiddleware {
    let site: PreviewSite

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Several ranges at once (`bytes=-5,0-1`): FileMiddleware would answer with a wrong
        // mix of them; a server may ignore Range (RFC 9110 §14.2), so the whole file it is.
        if let header = request.headers[.range], header.contains(",") {
            var head = request.head
            head.headerFields[.range] = nil
            return try await next(Request(head: head, body: request.body), context)
        }
        guard let header = request.headers[.range], header.hasPrefix("bytes=-"), let suffix = Int(header.dropFirst("bytes=-".count)),
              let size = size(of: request.uri.path) else {
            return try await next(request, context)
        }
        guard suffix > 0, size > 0 else {
            var headers = HTTPFields()
            headers[.contentRange] = "bytes */\(size)"
            return Response(status: .rangeNotSatisfiable, headers: headers)
        }
        var head = request.head
        head.headerFields[.range] = "bytes=\(max(0, size - suffix))-\(size - 1)"
        return try await next(Request(head: head, body: request.body), context)
    }

    /// The size of the file the path names, as FileMiddleware finds it (a folder means its index.html).
    private func size(of path: String) -> Int? {
        let provider = SiteFileProvider(site: site)
        guard let id = provider.getFileIdentifier(path.removingPercentEncoding ?? path) else { return nil }
        return (site.file(at: id) ?? site.file(at: id.isEmpty ? "index.html" : id + "/index.html"))?.contents.readableBytes
    }
}
