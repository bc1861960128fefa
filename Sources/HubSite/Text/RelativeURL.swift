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
        fromSiteAbsolute(url, root: root(depth: depth))
    }

    /// The same, with the way back to the root made once per page.
    static func fromSiteAbsolute(_ url: String, root: String) -> String {
        let bytes = url.utf8
        guard bytes.first == UInt8(ascii: "/"), bytes.dropFirst().first != UInt8(ascii: "/") else { return url }
        return link(to: String(url.dropFirst()), root: root)
    }

    /// A link from a page whose way back to the site's root is `root` to `path`, given from the
    /// root without a leading slash ("", "hubs/", "style.css", "hubs/#london").
    static func link(to path: String, root: String) -> String {
        let suffixStart = path.utf8.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? path.endIndex
        var target = String(path[..<suffixStart])
        if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
        return root + target + path[suffixStart...]
    }
}

/// How many folders deep an address inside the site is: its parts between slashes
/// (`pages/a/` → 2, `404.html` → 1, the home page → 0). Counted on bytes: it is asked for every page.
enum URLPathDepth {
    static func of(_ urlPath: String) -> Int {
        var parts = 0
        var inPart = false
        for byte in urlPath.utf8 {
            if byte == UInt8(ascii: "/") {
                inPart = false
            } else if !inPart {
                inPart = true
                parts += 1
            }
        }
        return parts
    }
}
