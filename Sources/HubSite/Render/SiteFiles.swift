import Foundation

/// The small files every published site needs besides its pages.
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
