import HubSite

/// What `hubsite serve` adds to served pages, and never to public/: a few lines that reload the
/// page when the site is rebuilt, and, while the sources are broken, the errors over the page.
enum LiveReload {
    static let eventsPath = "/__hubsite/events"

    /// Reloads the page at each rebuild; with `followEdits`, goes to the page made from the
    /// file just saved instead (the event's data: the build's number, then that page's address).
    static func script(followEdits: Bool) -> String {
        """
        <script>/* hubsite serve: live reload */(function () {
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("reload", function (event) {
            var page = \(followEdits ? "String(event.data).split(\" \")[1]" : "null");
            if (page && page !== location.pathname) { location.href = page; } else { location.reload(); }
          });
        })();</script>
        """
    }

    /// On a draft's page: it is seen here only, and how to publish it.
    static func draftBanner(source: String) -> String {
        """
        <p id="hubsite-draft" role="status" style="position:fixed;inset:0 0 auto 0;margin:0;z-index:2147483645;background:#1d70b8;color:#fff;\
        padding:8px 24px;font:700 16px/1.4 system-ui,sans-serif">Draft: this page is left out of the published site, the list of \
        hubs and the sitemap until you remove <code>draft: true</code> from \(HTML.escape(source)).</p>
        """
    }

    /// The build's warnings, quieter than the errors' overlay: a bar at the foot of the page
    /// that a reader of the preview can open, each warning with its place and its fix.
    static func warningsBanner(_ warnings: [Diagnostic]) -> String {
        let items = warnings.map { warning in
            "<li style=\"margin:0 0 8px\"><code>\(HTML.escape(warning.location.description))</code>: \(HTML.escape(warning.message))"
                + (warning.fix.isEmpty ? "" : "<br><span style=\"color:#505a5f\">fix: \(HTML.escape(warning.fix))</span>") + "</li>"
        }.joined()
        return """
            <details id="hubsite-warnings" role="status" style="position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;z-index:2147483646;\
            background:#fff7bf;color:#0b0c0c;border-top:4px solid #ffdd00;padding:8px 24px;font:16px/1.4 system-ui,sans-serif">
            <summary style="cursor:pointer;font-weight:700">\(warnings.count) warning\(warnings.count == 1 ? "" : "s") in this build (the site still builds)</summary>
            <ul style="margin:8px 0 0;padding-left:20px">\(items)</ul>
            </details>
            """
    }

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

    /// The page with the script, and the errors' overlay if the last build failed or else the
    /// warnings' banner if it had any, before `</body>`.
    static func inject(into html: [UInt8], failure: BuildFailure?, warnings: [Diagnostic] = [], draftSource: String? = nil,
                       followEdits: Bool = true) -> [UInt8] {
        let notice = (draftSource.map(draftBanner) ?? "") + (failure.map(overlay) ?? (warnings.isEmpty ? "" : warningsBanner(warnings)))
        let addition = Array((notice + script(followEdits: followEdits)).utf8)
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
