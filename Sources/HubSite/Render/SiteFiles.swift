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

    static func robots(baseURL: String?) -> String {
        var text = "User-agent: *\nAllow: /\n"
        if let baseURL { text += "\nSitemap: \(baseURL)sitemap.xml\n" }
        return text
    }
}
