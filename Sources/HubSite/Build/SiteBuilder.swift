import Foundation

/// The pipeline, in the order data flows through it: load → parse → model → render → write.
public struct SiteBuilder: Sendable {
    /// The site's folder: `site.yml`, `content/`, `templates/`.
    public var source: URL

    /// Runs between listing `content/` and reading its files: tests remove a file here, as an
    /// editor might in the middle of a build.
    var afterListingContent: (@Sendable () -> Void)?

    public init(source: URL) {
        self.source = source.standardizedFileURL
    }

    /// What a successful build made, with the time each stage took.
    public struct Result: Sendable {
        public var site: Site
        /// Sorted by path; empty when the build streamed its files into a folder.
        public var files: [OutputFile]
        public var fileCount: Int
        public var warnings: [Diagnostic]
        public var timings: [(stage: String, seconds: Double)]
        /// Where the sources wrote what the built pages hold, for `hubsite check`.
        public var sources: SourceFinder
    }

    /// Builds the whole site in memory. Throws every error of the build at once.
    public func render() throws(BuildFailure) -> Result {
        let sink = MemorySink()
        var result = try run(into: sink, keepBodies: true, lintProse: true)
        result.files = sink.sortedFiles
        return result
    }

    /// The pipeline. Each page is read, parsed, rendered, handed to `sink` and scanned for the
    /// link checker inside one task, so only small facts about it outlive the task.
    /// `lintProse` runs the stale-date lint, which only `hubsite check` and the preview show.
    func run(into sink: some OutputSink, keepBodies: Bool, lintProse: Bool) throws(BuildFailure) -> Result {
        var log = DiagnosticLog()
        var timings: [(String, Double)] = []
        func timed<T>(_ stage: String, _ work: () -> T) -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            defer { timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
            return work()
        }

        let config = timed("load site.yml") { loadConfig(&log) }
        // Without site.yml this is probably not a site's folder: anything more would be noise.
        if config == nil, !FileManager.default.fileExists(atPath: source.appendingPathComponent("site.yml").path) {
            throw BuildFailure(log.all)
        }
        let templates = timed("load templates") {
            Templates.load(from: source.appendingPathComponent("templates"), relativeTo: source, log: &log)
        }
        let listing = timed("list content") { listContent(&log) }
        afterListingContent?()
        for required in ["404", "hubs", "hub"] where !templates.names.contains(required) {
            log.error(at: SourceLocation(file: "templates/\(required).mustache"), "the template \"\(required)\" does not exist",
                      fix: "create templates/\(required).mustache")
        }
        if !listing.pages.contains(where: { $0.urlPath.isEmpty }) {
            log.error(at: SourceLocation(file: "content/index.md"), "the information sheet content/index.md does not exist",
                      fix: "create it: it becomes the site's home page")
        }
        guard let config else { throw BuildFailure(log.all) }
        // With broken templates the pages are still read, so that one build reports every error,
        // but not rendered: their output would only add noise.
        let render = !log.hasErrors

        // Pages: everything a page needs is known now, except the finder, which lists every hub.
        let loader = PageLoader(config: config, templateNames: templates.names, pageTemplateNames: templates.pageNames, lintProse: lintProse)
        let frame = Site(config: config, pages: [], archives: ArchivedCohort.find(in: listing.assets.map(\.path)))
        let sources = SourceFinder(
            siteFolder: source,
            pageSources: Dictionary(listing.pages.map { ($0.urlPath + "index.html", $0.path) }
                + listing.assets.filter { $0.path.hasSuffix(".html") }.map { ($0.path, "content/" + $0.path) }) { first, _ in first },
            templates: templates.sources)
        let checker = SiteChecker(sources: sources)
        let shared = PageContext.Shared(config)
        var outcomes = timed("build pages") {
            listing.pages.concurrentMap { entry -> PageOutcome in
                buildPage(entry, loader: loader, templates: render ? templates : nil, frame: frame, shared: shared,
                          sink: sink, checker: checker, keepBody: keepBodies)
            }
        }
        var facts: [String: SiteChecker.PageFacts] = Dictionary(minimumCapacity: outcomes.count)
        var pages: [Page] = []
        pages.reserveCapacity(outcomes.count + 1)
        // Taken out of the outcomes, not copied: 10,000 copies made a pause no core could share.
        for index in outcomes.indices {
            log.append(contentsOf: outcomes[index].diagnostics)
            if let page = outcomes[index].page.take() { pages.append(page) }
            if let pageFacts = outcomes[index].facts.take() { facts[outcomes[index].outputPath] = pageFacts }
        }
        releaseInBackground(consume outcomes)
        if !pages.contains(where: { $0.kind == .hubFinder }) { pages.append(HubFinder.defaultPage) }
        checkUniqueHubNames(pages, log: &log)
        // Pages with errors of their own were still rendered and checked, so that one build
        // reports their broken links too; only broken templates stop the build here.
        guard render else { throw BuildFailure(log.all) }
        pages.sort { $0.urlPath < $1.urlPath }
        let site = Site(config: config, pages: consume pages, archives: frame.archives)

        var paths = Set(listing.pages.map { $0.urlPath + "index.html" })
        timed("site files") {
            let files = siteFiles(site: site, templates: templates, assets: listing.assets)
            let written = files.concurrentMap { file -> (String, SiteChecker.PageFacts?, Diagnostic?) in
                var problem: Diagnostic?
                do {
                    try sink.write(file)
                } catch {
                    problem = Diagnostic(at: SourceLocation(file: file.path), "cannot write \(file.path): \(SystemError.describe(error))",
                                         fix: "check that the output folder is writable and the disk has space")
                }
                return (file.path, file.path.hasSuffix(".html") ? checker.scan(file) : nil, problem)
            }
            for (path, pageFacts, problem) in written {
                paths.insert(path)
                if let pageFacts { facts[path] = pageFacts }
                if let problem { log.append(contentsOf: [problem]) }
            }
        }
        let report = timed("check links") {
            SiteChecker(linkOrigins: site.linkOrigins, sources: sources).check(pages: facts, paths: paths, listExternal: false)
        }
        releaseInBackground(consume facts)
        log.append(contentsOf: report.diagnostics)
        guard !log.hasErrors else { throw BuildFailure(log.all) }
        return Result(site: site, files: [], fileCount: paths.count, warnings: log.all.sorted(), timings: timings, sources: sources)
    }

    /// One page from its file to its facts.
    private struct PageOutcome: Sendable {
        var page: Page?
        var outputPath: String
        var facts: SiteChecker.PageFacts?
        var diagnostics: [Diagnostic]
    }

    private func buildPage(_ entry: ContentEntry, loader: PageLoader, templates: Templates?, frame: Site, shared: PageContext.Shared,
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
                let lineBreaks = ByteSearch.count(of: 10, in: page.body.html)
                return (OutputFile(path: outputPath, contents: bytes),
                        checker.scan(path: outputPath, before: shell.before, body: outline, bodyLineBreaks: lineBreaks, after: shell.after))
            }
        }
        let context = PageContext.make(page: page, site: frame, root: root, shared: shared)
        let file = OutputFile(path: outputPath, text: templates.render(context, with: page.template))
        return (file, checker.scan(file))
    }

    // MARK: - Stages

    func loadConfig(_ log: inout DiagnosticLog) -> SiteConfig? {
        let url = source.appendingPathComponent("site.yml")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            log.error(at: SourceLocation(file: "site.yml"), "site.yml not found in \(source.path)",
                      fix: "run hubsite in the site's folder, or pass it with --source DIR")
            return nil
        }
        if isFolder.boolValue {
            log.error(at: SourceLocation(file: "site.yml"), "site.yml is a folder, not a file",
                      fix: "rename or remove the folder, and keep the site's settings in a text file named site.yml")
            return nil
        }
        switch SourceFile.read(url, as: "site.yml") {
        case .failure(let diagnostic):
            log.append(contentsOf: [diagnostic])
            return nil
        case .success(let file):
            return SiteConfig.load(file, log: &log)
        }
    }

    /// A content file found in `content/`, not read yet.
    struct ContentEntry: Sendable {
        var absolutePath: String
        /// `content/accessibility.md`
        var path: String
        var urlPath: String
        var kind: Page.Kind
    }

    /// Markdown files become pages; any other file in `content/` (an image, a PDF) is published as it is.
    func listContent(_ log: inout DiagnosticLog) -> (pages: [ContentEntry], assets: [OutputFile]) {
        let folder = source.appendingPathComponent("content")
        var pages: [ContentEntry] = []
        var byURLPath: [String: String] = [:]
        var assets: [OutputFile] = []
        let tree = FileTree.scan(under: folder)
        for link in tree.links {
            log.error(at: SourceLocation(file: "content/" + link.relativePath),
                      "this is a symbolic link; hubsite does not follow links, which could lead outside the site's folder",
                      fix: "copy the file or folder into content/ instead of linking to it")
        }
        for file in tree.files {
            let relative = file.relativePath
            let path = "content/" + relative
            guard relative.hasSuffix(".md") else {
                let name = file.url.lastPathComponent.lowercased()
                if name.hasSuffix(".md") {
                    log.error(at: SourceLocation(file: path), "hubsite reads pages from names ending in .md, in small letters; this one would be published as a raw file",
                              fix: "rename it to \(file.url.deletingPathExtension().lastPathComponent).md")
                } else if name.contains(".md.") {
                    log.warning(at: SourceLocation(file: path), "this looks like a copy or backup of a page, so it is left out of the site",
                                fix: "keep copies outside content/, or rename it to end in .md if it is a page")
                } else {
                    switch SourceFile.readBytes(atPath: file.absolutePath) {
                    case .success(let bytes): assets.append(OutputFile(path: relative, contents: bytes))
                    case .failure(let problem): log.error(at: SourceLocation(file: path), problem.message, fix: problem.fix)
                    }
                }
                continue
            }
            switch ContentFile.urlPath(forContentPath: relative) {
            case .failure(let diagnostic):
                log.append(contentsOf: [diagnostic])
            case .success(let urlPath):
                if let first = byURLPath[urlPath] {
                    log.error(at: SourceLocation(file: path), "\(first) and \(path) would both be published as \(urlPath)",
                              fix: "keep one of them")
                    continue
                }
                byURLPath[urlPath] = path
                pages.append(ContentEntry(absolutePath: file.absolutePath, path: path, urlPath: urlPath, kind: Page.Kind.of(urlPath: urlPath)))
            }
        }
        for asset in assets {
            if let page = byURLPath[String(asset.path.dropLast("index.html".count))], asset.path.hasSuffix("index.html") {
                log.error(at: SourceLocation(file: "content/" + asset.path), "\(page) and content/\(asset.path) would both be published as \(asset.path)",
                          fix: "rename one of them")
            }
        }
        return (pages, assets)
    }

    /// The sheet's archived copies and other files of `content/`, for `renderArchivedSheet`.
    func loadContent(_ log: inout DiagnosticLog) -> ([ContentFile], [OutputFile]) {
        let listing = listContent(&log)
        let contents = listing.pages.compactMap { entry -> ContentFile? in
            switch SourceFile.read(atPath: entry.absolutePath, as: entry.path).flatMap(FrontMatterSplit.split) {
            case .failure(let diagnostic):
                log.append(contentsOf: [diagnostic])
                return nil
            case .success(let split):
                return ContentFile(path: entry.path, urlPath: entry.urlPath, split: split, kind: entry.kind)
            }
        }
        return (contents, listing.assets)
    }

    /// Everything besides the content pages: the finder, 404.html, calendars, robots.txt,
    /// sitemap.xml, the templates' assets and the other files of content/.
    private func siteFiles(site: Site, templates: Templates, assets: [OutputFile]) -> [OutputFile] {
        let templateAssets = FileTree.files(under: source.appendingPathComponent("templates/assets")).compactMap { url -> OutputFile? in
            guard let data = try? Data(contentsOf: url) else { return nil }
            return OutputFile(path: FileTree.relativePath(of: url, in: source.appendingPathComponent("templates/assets")), contents: [UInt8](data))
        }
        var files = templateAssets + assets
        if let finder = site.pages.first(where: { $0.kind == .hubFinder }) {
            let context = PageContext.make(page: finder, site: site, root: RelativeURL.root(depth: finder.depth))
            files.append(OutputFile(path: finder.urlPath + "index.html", text: templates.render(context, with: finder.template)))
        }
        files.append(notFoundPage(site: site, templates: templates, css: templateAssets.first { $0.path == "style.css" }))
        files.append(OutputFile(path: "robots.txt", text: SiteFiles.robots(baseURL: site.config.baseURL)))
        if let base = site.config.baseURL {
            files.append(OutputFile(path: "sitemap.xml", text: SiteFiles.sitemap(baseURL: base, pagePaths: site.pages.map(\.urlPath))))
        }
        files.append(OutputFile(path: "key-dates.ics", text: KeyDateCalendar.programme(site.config)))
        files += site.hubs.concurrentMap { hub in
            OutputFile(path: "hubs/\(hub.slug)/key-dates.ics", text: KeyDateCalendar.hub(hub, config: site.config))
        }
        return files
    }

    /// 404.html is served at any address, so relative links cannot work there: it carries its
    /// styles inline and links home through base_url (or the domain's root when unknown).
    private func notFoundPage(site: Site, templates: Templates, css: OutputFile?) -> OutputFile {
        let page = Page(kind: .page, source: "templates/404.mustache", title: "Page not found", description: nil,
                        template: "404", urlPath: "404.html",
                        body: RenderedMarkdown(html: "", tableOfContents: [], criteria: nil, dates: []))
        var context = PageContext.make(page: page, site: site, root: site.config.baseURL ?? "/",
                                       inlineCSS: css.map { String(decoding: $0.contents, as: UTF8.self) })
        context["canonical_url"] = nil
        return OutputFile(path: "404.html", text: templates.render(context, with: "404"))
    }

    /// Two hub files for one hub would give editors two pages to keep in step.
    private func checkUniqueHubNames(_ pages: [Page], log: inout DiagnosticLog) {
        var seen: [String: String] = [:]
        let hubs = pages.compactMap { page in page.hub.map { (source: page.source, name: $0.name) } }
        for hub in hubs.sorted(by: { $0.source < $1.source }) {
            let key = hub.name.lowercased()
            if let first = seen[key] {
                log.error(at: SourceLocation(file: hub.source, line: 2), "the hub \"\(hub.name)\" is also described in \(first)",
                          fix: "keep one file per hub: merge the two and delete the other")
            } else {
                seen[key] = hub.source
            }
        }
    }
}
