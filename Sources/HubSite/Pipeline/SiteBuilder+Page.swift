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
                           sink: some OutputSink, checker: SiteChecker, keepBody: Bool) -> PageOutcome {
        var log = DiagnosticLog()
        let outputPath = entry.urlPath + "index.html"
        let split: FrontMatterSplit
        switch SourceFile.read(atPath: entry.absolutePath, as: entry.path).flatMap(FrontMatterSplit.split) {
        case .failure(let diagnostic): return PageOutcome(page: nil, outputPath: outputPath, facts: nil, diagnostics: [diagnostic])
        case .success(let value): split = value
        }
        let content = ContentFile(path: entry.path, urlPath: entry.urlPath, split: split, kind: entry.kind)
        guard var page = loader.load(content, log: &log) else {
            return PageOutcome(page: nil, outputPath: outputPath, facts: nil, diagnostics: log.all)
        }
        if page.isDraft, !loader.includeDrafts {
            return PageOutcome(page: nil, outputPath: outputPath, facts: nil, diagnostics: log.all, isDraftLeftOut: true)
        }
        // The finder lists every hub: it is rendered once all hubs are known.
        guard let templates, page.kind != .hubFinder else {
            return PageOutcome(page: page, outputPath: outputPath, facts: nil, diagnostics: log.all)
        }
        // A hub whose facts could not be read, or a page naming no page template, cannot be
        // made; its body's links are still checked, so one build reports them too.
        guard page.kind != .hub || page.hub != nil, templates.pageNames.contains(page.template) else {
            return PageOutcome(page: page, outputPath: outputPath, facts: checker.linksOnly(of: page.body, path: outputPath), diagnostics: log.all)
        }
        let (file, facts) = renderPage(page, outputPath: outputPath, templates: templates, frame: frame, shared: shared, checker: checker)
        do {
            try sink.write(file)
        } catch {
            log.error(at: SourceLocation(file: entry.path), "cannot write \(outputPath): \(SystemError.describe(error))",
                      fix: "check that the output folder is writable and the disk has space")
        }
        if !keepBody {
            page.body.html = ""
            page.body.places = BodyPlaces()
        }
        return PageOutcome(page: page, outputPath: outputPath, facts: facts, diagnostics: log.all)
    }

    /// The page's HTML and what the link checker reads in it. The body is found in the HTML by
    /// its bytes, so that problems inside it are reported in the Markdown.
    private func renderPage(_ page: Page, outputPath: String, templates: Templates, frame: Site, shared: PageContext.Shared,
                            checker: SiteChecker) -> (OutputFile, SiteChecker.PageFacts) {
        let context = PageContext.make(page: page, site: frame, root: RelativeURL.root(depth: page.depth), shared: shared)
        let file = OutputFile(path: outputPath, text: templates.render(context, with: page.template))
        var body = page.body.html
        let start = body.isEmpty ? nil : file.contents.withUnsafeBufferPointer { html in
            body.withUTF8 { TextBytes.firstIndex(of: $0, in: html) }
        }
        return (file, checker.scan(file, body: start.map { .init(range: $0..<($0 + body.utf8.count), places: page.body.places) }))
    }
}
