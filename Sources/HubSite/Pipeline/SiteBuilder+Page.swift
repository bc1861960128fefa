import Foundation

/// One page through the pipeline, inside one task: read, parse, render, write, scan.
extension SiteBuilder {
    /// One page from its file to its facts.
    struct PageOutcome: Sendable {
        var page: Page?
        var outputPath: String
        var facts: SiteChecker.PageFacts?
        var diagnostics: [Diagnostic]
        /// A draft left out of this build: no page, no file.
        var isDraftLeftOut = false
    }

    func buildPage(_ entry: ContentEntry, loader: PageLoader, templates: Templates?, frame: Site, shared: PageContext.Shared,
                           sink: some OutputSink, checker: SiteChecker) -> PageOutcome {
        var log = DiagnosticLog()
        let outputPath = entry.urlPath + "index.html"
        let split: FrontMatterSplit
        switch SourceFile.read(atPath: entry.absolutePath, as: entry.path).flatMap(FrontMatterSplit.split) {
        case .failure(let diagnostic): return PageOutcome(page: nil, outputPath: outputPath, facts: nil, diagnostics: [diagnostic])
        case .success(let value): split = value
        }
        let content = ContentFile(path: entry.path, urlPath: entry.urlPath, split: split, kind: entry.kind)
        guard var page = loader.load(content, log: &log) else {
            // Unreadable front matter: the page cannot be made, but its Markdown's own errors
            // are reported in the same build; its links are not followed.
            _ = MarkdownStage(for: content, variables: loader.variables, config: loader.config, cohort: nil).render(content, log: &log)
            return PageOutcome(page: nil, outputPath: outputPath, facts: nil, diagnostics: log.all)
        }
        if page.isDraft, !loader.includeDrafts {
            return PageOutcome(page: nil, outputPath: outputPath, facts: nil, diagnostics: log.all, isDraftLeftOut: true)
        }
        page.body = MarkdownStage(for: content, variables: loader.variables, config: loader.config, cohort: loader.config.cohort)
            .render(content, log: &log)
        // The finder lists every hub: it is rendered once all hubs are known.
        guard let templates, page.kind != .hubFinder else {
            return PageOutcome(page: page, outputPath: outputPath, facts: nil, diagnostics: log.all)
        }
        // A hub whose facts could not be read, or a page naming no page template, cannot be
        // made; its body's links are still checked, so one build reports them too.
        guard page.kind != .hub || page.hub != nil, templates.pageNames.contains(page.template) else {
            return PageOutcome(page: page, outputPath: outputPath, facts: checker.linksOnly(of: page.body, source: page.source, path: outputPath),
                               diagnostics: log.all)
        }
        let (file, facts) = renderPage(page, outputPath: outputPath, templates: templates, site: frame, shared: shared,
                                       checker: checker.reading(page))
        do {
            try sink.write(file)
        } catch {
            log.error(at: SourceLocation(file: entry.path), "cannot write \(outputPath): \(SystemError.describe(error))",
                      fix: "check that the output folder is writable and the disk has space")
        }
        // Written and read: the body's HTML and events are not kept, whatever the build is for.
        page.body.html = ""
        page.body.events = []
        return PageOutcome(page: page, outputPath: outputPath, facts: facts, diagnostics: log.all)
    }

    /// Stands for the body while the template renders, so that the page is made in parts: the
    /// template's HTML, which the checker reads, and the body, whose facts the Markdown stage
    /// recorded as it made them. A control character no template or Markdown body can hold.
    static let bodyMark = "\u{1}hubsite:body\u{1}"

    /// The page's HTML and what the link checker learns from it.
    func renderPage(_ page: Page, outputPath: String, templates: Templates, site: Site, shared: PageContext.Shared?,
                    checker: SiteChecker) -> (OutputFile, SiteChecker.PageFacts) {
        let root = RelativeURL.root(depth: page.depth)
        // A template that escapes or changes the body makes HTML the Markdown stage never saw: read it all.
        guard templates.writingBodyAsIs.contains(page.template) else {
            let context = PageContext.make(page: page, site: site, root: root, shared: shared)
            let file = OutputFile(path: outputPath, text: templates.render(context, with: page.template))
            return (file, checker.scan(path: outputPath, parts: [.html(file.contents[...], firstLine: 1)], root: root))
        }
        var marked = page
        marked.body.html = Self.bodyMark
        let context = PageContext.make(page: marked, site: site, root: root, shared: shared)
        let pieces = Self.pieces(of: Array(templates.render(context, with: page.template).utf8))
        let body = Array(page.body.html.utf8)
        let bodyLines = TextBytes.count(of: 10, in: page.body.html)
        var html: [UInt8] = []
        html.reserveCapacity(pieces.reduce(0) { $0 + $1.count } + body.count * (pieces.count - 1))
        var parts: [SiteChecker.Part] = []
        var line = 1
        for (index, piece) in pieces.enumerated() {
            if index > 0 {
                html += body
                parts.append(.body(page.body.events, source: page.source))
                line += bodyLines
            }
            html += piece
            parts.append(.html(piece, firstLine: line))
            line += piece.withUnsafeBufferPointer { TextBytes.count(of: 10, in: $0) }
        }
        return (OutputFile(path: outputPath, contents: html), checker.scan(path: outputPath, parts: parts, root: root))
    }

    /// The template's HTML around each body mark. (The standard library's split at a sequence
    /// is generic and took a fifth of a 10,000-page build.)
    private static func pieces(of html: [UInt8]) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        var start = 0
        var mark = bodyMark
        mark.withUTF8 { mark in
            html.withUnsafeBufferPointer { bytes in
                while let found = TextBytes.firstIndex(of: mark, in: UnsafeBufferPointer(rebasing: bytes[start...])) {
                    pieces.append(html[start..<(start + found)])
                    start += found + mark.count
                }
            }
        }
        pieces.append(html[start...])
        return pieces
    }
}
