/// The addresses cmark's safe mode renders as `href=""`: they run code or read local files
/// (cmark's `_scan_dangerous_url`, with the same image exceptions).
enum DangerousURL {
    /// `javascript:` for `javascript:alert(1)`; nil for an address cmark keeps.
    static func scheme(of url: String) -> String? {
        let lower = url.lowercased()
        for scheme in ["javascript:", "vbscript:", "file:", "data:"] where lower.hasPrefix(scheme) {
            let keptImage = scheme == "data:" && ["image/png", "image/gif", "image/jpeg", "image/webp"].contains { lower.dropFirst(5).hasPrefix($0) }
            return keptImage ? nil : scheme
        }
        return nil
    }
}
