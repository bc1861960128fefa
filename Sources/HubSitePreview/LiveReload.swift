import HubSite

/// What `hubsite serve` adds to served pages, and never to public/: a few lines that reload the
/// page when the site is rebuilt, and, while the sources are broken, the errors over the page.
enum LiveReload {
    static let eventsPath = "/__hubsite/events"

    static let script = """
        <script>/* hubsite serve: live reload */(function () {
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("reload", function () { location.reload(); });
        })();</script>
        """

    static func overlay(_ failure: BuildFailure) -> String {
        let text = failure.errors.map(\.description).joined(separator: "\n\n")
        return """
            <div id="hubsite-error" role="alert" style="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;\
            background:#fff;color:#0b0c0c;border-top:6px solid #d4351c;padding:16px 24px;font:16px/1.4 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.25)">
            <h2 style="margin:0 0 8px;font-size:20px;color:#d4351c">The site could not be rebuilt: \(failure.errors.count) error\(failure.errors.count == 1 ? "" : "s")</h2>
            <p style="margin:0 0 8px">This page shows the last version that built. Fix the file below and save: the page reloads by itself.</p>
            <pre style="white-space:pre-wrap;margin:0;font:14px/1.4 ui-monospace,monospace">\(HTML.escape(text))</pre>
            </div>
            """
    }

    /// The page with the script (and the overlay, if the last build failed) before `</body>`.
    static func inject(into html: [UInt8], failure: BuildFailure?) -> [UInt8] {
        let addition = Array(((failure.map(overlay) ?? "") + script).utf8)
        let closing = Array("</body>".utf8)
        guard let index = lastIndex(of: closing, in: html) else { return html + addition }
        return Array(html[..<index]) + addition + Array(html[index...])
    }

    private static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index] == needle[0], Array(haystack[index..<(index + needle.count)]) == needle { return index }
            index -= 1
        }
        return nil
    }
}
