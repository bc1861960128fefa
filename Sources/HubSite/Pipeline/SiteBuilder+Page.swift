import Foundation

/// One page through the pipeline: its front matter in one task, then its Markdown, rendered,
/// written and read by the checker in another, once every page's front matter is known.
extension SiteBuilder {
    /// Where a page's Markdown is, and the front matter read with it, so that the Markdown is
    /// taken from the same version of the file.
    struct MarkdownSource: Sendable {
        var entry: ContentEntry
        var frontMatter: String?
    }

    /// What reading one content file's front matter gave.
    struct FrontMatterOutcome: Sendable {
        enum Kind: Sendable {
            case read(Page, MarkdownSource)
            /// A draft left out of this build: no page, no file.
            case draftLeftOut(outputPath: String)
            /// No page can be made of the file: it could not be read or split, or its front matter is unreadable.
            case unreadable
        }

        var kind: Kind
        var diagnostics: [Diagnostic]
    }

    func readPage(_ entry: ContentEntry, loader: PageLoader) -> FrontMatterOutcome {
        var log = DiagnosticLog()
        let content: ContentFile
        switch ContentFile.read(entry) {
        case .failure(let diagnostic): return FrontMatterOutcome(kind: .unreadable, diagnostics: [diagnostic])
        case .success(let file): content = file
        }
        guard let page = loader.load(content, log: &log) else {
            // Unreadable front matter: the page cannot be made, but its Markdown's own errors are
            // reported in the same build (without the stale-date lint, which needs the page).
            _ = MarkdownStage(for: content, variables: loader.variables, config: loader.config, cohort: nil).render(content, log: &log)
            return FrontMatterOutcome(kind: .unreadable, diagnostics: log.all)
        }
        if page.isDraft, !loader.includeDrafts {
            return FrontMatterOutcome(kind: .draftLeftOut(outputPath: entry.urlPath + "index.html"), diagnostics: log.all)
        }
        return FrontMatterOutcome(kind: .read(page, MarkdownSource(entry: entry, frontMatter: content.split.yaml)), diagnostics: log.all)
    }

    /// One page from its front matter to its facts.
    struct PageOutcome: Sendable {
        /// Its body's small facts (contents, criteria, dates), without the HTML and events.
        var body: RenderedMarkdown?
        var facts: SiteChecker.PageFacts?
        var diagnostics: [Diagnostic]
    }

    /// `markdown` is nil for a page hubsite makes without a content file (the finder).
    func buildPage(_ page: Page, from markdown: MarkdownSource?, variables: TextVariables, templates: Templates?, site: Site,
                   shared: PageContext.Shared, sink: some OutputSink, checker: SiteChecker) -> PageOutcome {
        var log = DiagnosticLog()
        var page = page
        let outputPath = page.urlPath + "index.html"
        if let markdown {
            // The file is read again rather than held since the first pass: a build keeps one
            // page's Markdown in memory at a time.
            let entry = markdown.entry
            let content: ContentFile
            switch ContentFile.read(entry) {
            case .failure(let diagnostic): return PageOutcome(body: nil, facts: nil, diagnostics: [diagnostic])
            case .success(let file): content = file
            }
            guard content.split.yaml == markdown.frontMatter else {
                log.error(at: SourceLocation(file: entry.path), "\(entry.path) changed while this build was reading it",
                          fix: "build again once the file is saved (hubsite serve rebuilds by itself)")
                return PageOutcome(body: nil, facts: nil, diagnostics: log.all)
            }
            page.body = MarkdownStage(for: content, variables: variables, config: site.config, cohort: site.config.cohort).render(content, log: &log)
        }
        guard let templates else { return PageOutcome(body: page.body.withoutHTML, facts: nil, diagnostics: log.all) }
        // A hub whose facts could not be read, or a page naming no page template, cannot be
        // made; its body's links are still checked, so one build reports them too.
        guard page.kind != .hub || page.hub != nil, templates.pageNames.contains(page.template) else {
            return PageOutcome(body: page.body.withoutHTML, facts: checker.linksOnly(of: page.body, source: page.source, path: outputPath),
                               diagnostics: log.all)
        }
        let (file, facts) = renderPage(page, outputPath: outputPath, templates: templates, site: site, shared: shared,
                                       checker: checker.reading(page))
        do {
            try sink.write(file)
        } catch {
            log.error(at: SourceLocation(file: page.source), "cannot write \(outputPath): \(SystemError.describe(error))",
                      fix: "check that the output folder is writable and the disk has space")
        }
        return PageOutcome(body: page.body.withoutHTML, facts: facts, diagnostics: log.all)
    }

    /// Stands for the body while the template renders, so that the page is made in parts: the
    /// template's HTML, which the checker reads, and the body, whose facts the Markdown stage
    /// recorded as it made them. A control character no template or Markdown body can hold.
    static let bodyMark = "\u{1}hubsite:body\u{1}"

    /// The page's HTML and what the link checker learns from it.
    func renderPage(_ page: Page, outputPath: String, templates: Templates, site: Site, shared: PageContext.Shared,
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
