import Foundation
import Hummingbird

/// Hummingbird's `FileMiddleware` reads files through this provider, so the preview keeps
/// FileMiddleware's tested behaviour (ETag, If-None-Match, Range, folder redirects, `..` refused)
/// while the files come from memory: no request can reach a file outside the built site.
struct SiteFileProvider: FileProvider {
    struct Attributes: FileMiddlewareFileAttributes {
        var isFolder: Bool
        var size: Int
        var modificationDate: Date
    }

    let site: PreviewSite

    /// `/hubs/solent/index.html` → `hubs/solent/index.html`; nil for anything that is not a plain path.
    func getFileIdentifier(_ path: String) -> String? {
        guard !path.contains("\0"), !path.contains("\\"), !path.contains("//") else { return nil }
        let trimmed = path.drop { $0 == "/" }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == "." || $0 == ".." }) else { return nil }
        return parts.joined(separator: "/")
    }

    func getAttributes(id: String) async throws -> Attributes? {
        if let file = site.file(at: id) {
            return Attributes(isFolder: false, size: file.contents.readableBytes, modificationDate: file.modified)
        }
        return site.isFolder(id) ? Attributes(isFolder: true, size: 0, modificationDate: Date(timeIntervalSince1970: 0)) : nil
    }

    func loadFile(id: String, context: some RequestContext) async throws -> ResponseBody {
        guard let file = site.file(at: id) else { throw HTTPError(.notFound) }
        return ResponseBody(byteBuffer: file.contents)
    }

    func loadFile(id: String, range: ClosedRange<Int>, context: some RequestContext) async throws -> ResponseBody {
        guard let file = site.file(at: id) else { throw HTTPError(.notFound) }
        let upper = min(range.upperBound, file.contents.readableBytes - 1)
        guard range.lowerBound <= upper, let slice = file.contents.getSlice(at: range.lowerBound, length: upper - range.lowerBound + 1) else {
            throw HTTPError(.rangeNotSatisfiable)
        }
        return ResponseBody(byteBuffer: slice)
    }
}
