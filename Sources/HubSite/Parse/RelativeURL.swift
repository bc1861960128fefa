/// Internal links are written relative to the page, so `public/` works at a domain's root,
/// under any sub-path, and opened from disk.
enum RelativeURL {
    /// "../" repeated `depth` times: the way from a page's folder back to the site's root.
    static func root(depth: Int) -> String {
        String(repeating: "../", count: depth)
    }

    /// `/accessibility/` written by an author, seen from a page `depth` folders deep, becomes
    /// `../accessibility/index.html`. Folder links get `index.html` so they also work from disk.
    /// Anything that is not a site-absolute path (`https:`, `mailto:`, `#top`, `//host`) is kept.
    static func fromSiteAbsolute(_ url: String, depth: Int) -> String {
        guard url.hasPrefix("/"), !url.hasPrefix("//") else { return url }
        return link(to: String(url.dropFirst()), depth: depth)
    }

    /// A link from a page `depth` folders deep to `path`, given from the root without a leading slash
    /// ("", "hubs/", "style.css", "hubs/#london").
    static func link(to path: String, depth: Int) -> String {
        let suffixStart = path.utf8.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? path.endIndex
        var target = String(path[..<suffixStart])
        if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
        return root(depth: depth) + target + path[suffixStart...]
    }
}
