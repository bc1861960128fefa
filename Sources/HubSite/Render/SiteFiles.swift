import Foundation

/// The small files a published site needs besides its pages: sitemap.xml, robots.txt and, below,
/// a redirect page at each alias.
enum SiteFiles {
    /// `sitemap.xml`, only when `base_url` is known (a sitemap needs absolute addresses).
    static func sitemap(baseURL: String, pagePaths: [String]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in pagePaths.sorted() {
            xml += "  <url><loc>\(HTML.escape(baseURL + path))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// Crawlers read only the domain's `/robots.txt`: a site published in a sub-folder
    /// (`base_url` with a path) gets none, as it would never be read there.
    static func robots(baseURL: String?) -> String? {
        if let baseURL, let path = URLComponents(string: baseURL)?.path, path != "/", !path.isEmpty { return nil }
        var text = "User-agent: *\nAllow: /\n"
        if let baseURL { text += "\nSitemap: \(baseURL)sitemap.xml\n" }
        return text
    }
}

extension Alias {
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
