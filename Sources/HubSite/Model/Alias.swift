/// An old address of a page (`aliases:`): the build writes a redirect page there, so that links
/// and bookmarks to a renamed or moved page keep working.
public struct Alias: Hashable, Sendable {
    /// As written: `/hubs/boolean/`.
    public var written: String
    /// The file written: `hubs/boolean/index.html`.
    public var outputPath: String
    public var location: SourceLocation

    /// Any folder of the site or an `.html` file in it, from the site's root: `/hubs/boolean/`,
    /// `/old-page.html`. Nil for anything else (a full address, `..`, a query).
    init?(_ text: String, location: SourceLocation) {
        let written = text.trimmingCharacters(in: .whitespaces)
        guard written.hasPrefix("/"), !written.hasPrefix("//"), written.count > 1,
              !written.contains(where: { $0.isWhitespace || "?#\"<>\\%".contains($0) || $0.unicodeScalars.contains(where: \.isInvisibleControl) })
        else { return nil }
        let parts = written.split(separator: "/")
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) else { return nil }
        let path = parts.joined(separator: "/")
        self.written = written
        outputPath = written.hasSuffix(".html") ? path : path + "/index.html"
        self.location = location
    }

    /// A page that sends the reader on to `target` (a path from the site's root, e.g. `hubs/solent/index.html`):
    /// at once by a refresh, and by a link for readers whose browser does not follow it.
    func redirectPage(to target: String, title: String, baseURL: String?, language: String) -> String {
        let depth = outputPath.split(separator: "/").count - 1
        let relative = RelativeURL.root(depth: depth) + target
        let canonical = baseURL.map { $0 + (target.hasSuffix("index.html") ? String(target.dropLast("index.html".count)) : target) } ?? relative
        return """
            <!DOCTYPE html>
            <html lang="\(HTML.escape(language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title)): this page has moved</title>
            <link rel="canonical" href="\(HTML.escape(canonical))">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(HTML.escape(relative))">
            </head>
            <body>
            <p>This page has moved to <a href="\(HTML.escape(relative))">\(HTML.escape(title))</a>.</p>
            </body>
            </html>

            """
    }
}
