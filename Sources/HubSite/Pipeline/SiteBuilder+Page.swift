import Foundation

/// One page through the pipeline, inside one task: read, parse, render, write, scan.
extension SiteBuilder {
    /// One page from its file to its facts.
    struct PageOutcome: Sendable {
        var page: Page?
        var outputPath: String
        var facts: SiteChecker.PageFacts?
        var diagnostics: [Diagnostic]
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
        page.body.outline = nil
        if !keepBody { page.body.html = "" }
        return PageOutcome(page: page, outputPath: outputPath, facts: facts, diagnostics: log.all)
    }

    /// The page's HTML and what the link checker needs of it. Most pages are rendered around a
    /// stand-in for the body, so that only the template's part of the HTML is read again.
    private func renderPage(_ page: Page, outputPath: String, templates: Templates, frame: Site, shared: PageContext.Shared,
                            checker: SiteChecker) -> (OutputFile, SiteChecker.PageFacts) {
        let root = RelativeURL.root(depth: page.depth)
        if let outline = page.body.outline {
            var standIn = page
            standIn.body.html = PageShell.marker
            let context = PageContext.make(page: standIn, site: frame, root: root, shared: shared)
            if let shell = PageShell.split(templates.render(context, with: page.template)) {
                var bytes = shell.before
                bytes += page.body.html.utf8
                bytes += shell.after
                let lineBreaks = TextBytes.count(of: 10, in: page.body.html)
                return (OutputFile(path: outputPath, contents: bytes),
                        checker.scan(path: outputPath, before: shell.before, body: outline, bodyLineBreaks: lineBreaks, after: shell.after))
            }
        }
        let context = PageContext.make(page: page, site: frame, root: root, shared: shared)
        let file = OutputFile(path: outputPath, text: templates.render(context, with: page.template))
        return (file, checker.scan(file))
    }
}
