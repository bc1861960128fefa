import Foundation

/// The pipeline; its stages, in the order data flows through them, are listed at `run`.
public struct SiteBuilder: Sendable {
    /// The site's folder: `site.yml`, `content/`, `templates/`.
    public var source: URL
    public var settings: BuildSettings

    public init(source: URL, settings: BuildSettings = BuildSettings()) {
        self.source = source.standardizedFileURL
        self.settings = settings
    }

    /// What a successful build made, with the time each stage took.
    public struct Result: Sendable {
        public var site: Site
        public var fileCount: Int
        /// Pages and hubs with `draft: true` that this build left out.
        public var draftsLeftOut: Int
        public var warnings: [Diagnostic]
        /// What the check stage found: its problems (among `warnings`), the external links and the counts.
        public var report: SiteChecker.Report
        public var timings: [(stage: String, seconds: Double)]
    }

    /// A build made in memory: what every build says, and the files themselves.
    @dynamicMemberLookup
    public struct Rendered: Sendable {
        public var result: Result
        /// Sorted by path.
        public var files: [OutputFile]

        public subscript<Value>(dynamicMember keyPath: KeyPath<Result, Value>) -> Value {
            result[keyPath: keyPath]
        }
    }

    /// Builds the whole site in memory. Throws every error of the build at once.
    public func render() throws(BuildFailure) -> Rendered {
        let sink = MemorySink()
        let result = try run(into: sink)
        return Rendered(result: result, files: sink.sortedFiles)
    }

    /// The pipeline, stage by stage (the one list of them): load → front matter (every page's,
    /// so that each is rendered against the whole site) → pages (Markdown, render, write, read
    /// by the checker) → site files → check → replace the output folder (the caller's
    /// `OutputTransaction`). Each page's Markdown is rendered, written and read inside one task
    /// (SiteBuilder+Page.swift), so only small facts about it outlive the task. Every rule over
    /// the sources runs in every build, so that `build`, `check` and the preview say the same.
    func run(into sink: some OutputSink) throws(BuildFailure) -> Result {
        var log = DiagnosticLog()
        var clock = StageClock()
        let inputs = try clock.time("load") { () throws(BuildFailure) in try load(&log) }
        let frontMatter = clock.time("front matter") { readFrontMatter(inputs, log: &log) }
        var built = clock.time("pages") { buildPages(frontMatter, inputs: inputs, sink: sink, log: &log) }
        // Pages with errors of their own were still rendered and checked, so that one build
        // reports their broken links too; only broken templates stop the build here.
        guard inputs.rendersPages else { throw BuildFailure(log.all) }
        clock.time("site files") { writeSiteFiles(inputs, into: sink, built: &built, log: &log) }
        let report = clock.time("check") { check(built, inputs: inputs, log: &log) }
        guard !log.hasErrors else { throw BuildFailure(log.all) }
        guard !settings.strict || log.all.isEmpty else { throw BuildFailure(log.all, strict: true) }
        return Result(site: built.site, fileCount: built.paths.count, draftsLeftOut: frontMatter.draftsLeftOut.count, warnings: log.all.sorted(),
                      report: report, timings: clock.timings)
    }

    /// What every page needs: the settings, the templates and what `content/` holds.
    struct Inputs {
        var config: SiteConfig
        var templates: Templates
        var listing: (pages: [ContentEntry], assets: [AssetEntry])
        /// The one checker of the build, which knows where the templates wrote each address and id.
        var checker: SiteChecker
        /// False when the templates are broken: the pages are still read, so that one build
        /// reports every error, but not rendered, as their output would only add noise.
        var rendersPages: Bool
    }

    /// Every page as its front matter says, before its Markdown is read: the site each page is
    /// rendered against.
    struct FrontMatterPass {
        /// Every page that will be made, sorted by address, each with its front matter's facts only.
        var site: Site
        /// Where each page's Markdown is, by the page's source; the finder hubsite makes has none.
        var markdown: [String: MarkdownSource]
        var draftsLeftOut: Set<String>
        /// The values of `{{…}}` the front matter was read with, which its Markdown is read with too.
        var variables: TextVariables
    }

    /// The site as the pages stage leaves it, and what the checker has learnt of each page.
    struct BuiltPages {
        var site: Site
        var facts: [String: SiteChecker.PageFacts]
        /// Each page's output path, and where it comes from, for messages about two files of one name.
        var pageSources: [String: String]
        var paths: Set<String>
    }

    /// Stage 1: site.yml, the templates and the list of `content/`.
    private func load(_ log: inout DiagnosticLog) throws(BuildFailure) -> Inputs {
        let config = loadConfig(&log)
        // Without site.yml this is probably not a site's folder: anything more would be noise.
        if config == nil, !FileManager.default.fileExists(atPath: source.appendingPathComponent("site.yml").path) {
            throw BuildFailure(log.all)
        }
        // Only broken templates stop the pages from being rendered: a mistake in one content
        // file must not hide the other pages' broken links.
        var templateLog = DiagnosticLog()
        let templates = Templates.load(from: source.appendingPathComponent("templates"), relativeTo: source, log: &templateLog)
        for required in ["404", "hubs", "hub"] where !templates.names.contains(required) {
            templateLog.error(at: SourceLocation(file: "templates/\(required).mustache"), "the template \"\(required)\" does not exist",
                              fix: "create templates/\(required).mustache")
        }
        log.append(contentsOf: templateLog.all)
        let listing = listContent(&log)
        if !listing.pages.contains(where: { $0.urlPath.isEmpty }) {
            log.error(at: SourceLocation(file: "content/index.md"), "the information sheet content/index.md does not exist",
                      fix: "create it: it becomes the site's home page")
        }
        guard let config else { throw BuildFailure(log.all) }
        return Inputs(config: config, templates: templates, listing: listing,
                      checker: SiteChecker(templates: templates.places), rendersPages: !templateLog.hasErrors)
    }

    /// Stage 2: every page's front matter, each file in a task of its own.
    private func readFrontMatter(_ inputs: Inputs, log: inout DiagnosticLog) -> FrontMatterPass {
        let templates = inputs.templates
        let loader = PageLoader(config: inputs.config, templateNames: templates.names, pageTemplateNames: templates.pageNames,
                                includeDrafts: settings.includeDrafts,
                                assetSizes: Dictionary(inputs.listing.assets.map { ($0.path, $0.size) }) { first, _ in first })
        let outcomes = inputs.listing.pages.concurrentMap { readPage($0, loader: loader) }
        var pages: [Page] = []
        pages.reserveCapacity(outcomes.count + 1)
        var markdown: [String: MarkdownSource] = [:]
        var drafts: Set<String> = []
        for outcome in outcomes {
            log.append(contentsOf: outcome.diagnostics)
            switch outcome.kind {
            case .read(let page, let source):
                pages.append(page)
                markdown[page.source] = source
            case .draftLeftOut(let outputPath): drafts.insert(outputPath)
            case .unreadable: break
            }
        }
        // The finder lists every hub: without content/hubs/index.md, hubsite makes it anyway.
        if !pages.contains(where: { $0.kind == .hubFinder }) { pages.append(HubFinder.defaultPage) }
        HubNames.checkUnique(pages, log: &log)
        pages.sort { $0.urlPath < $1.urlPath }
        let archives = ArchivedCohort.find(in: inputs.listing.assets.map(\.path))
        return FrontMatterPass(site: Site(config: inputs.config, pages: pages, archives: archives), markdown: markdown, draftsLeftOut: drafts,
                               variables: loader.variables)
    }

    /// Stage 3: every page's Markdown, each in a task of its own, rendered against the whole site.
    private func buildPages(_ frontMatter: FrontMatterPass, inputs: Inputs, sink: some OutputSink, log: inout DiagnosticLog) -> BuiltPages {
        let site = frontMatter.site
        let shared = PageContext.Shared(site.config)
        let outcomes = site.pages.concurrentMap { page -> PageOutcome in
            buildPage(page, from: frontMatter.markdown[page.source], variables: frontMatter.variables,
                      templates: inputs.rendersPages ? inputs.templates : nil, site: site, shared: shared, sink: sink, checker: inputs.checker)
        }
        // Every content file's address counts as taken, even when its page could not be made:
        // links to it are not reported too, and no other file is published there.
        let listed = inputs.listing.pages
        var built = BuiltPages(site: site, facts: [:], pageSources: Dictionary(listed.map { ($0.urlPath + "index.html", $0.path) }) { first, _ in first },
                               paths: Set(listed.map { $0.urlPath + "index.html" }).subtracting(frontMatter.draftsLeftOut))
        for (index, outcome) in outcomes.enumerated() {
            let outputPath = site.pages[index].urlPath + "index.html"
            log.append(contentsOf: outcome.diagnostics)
            if let body = outcome.body { built.site.pages[index].body = body }
            if let pageFacts = outcome.facts { built.facts[outputPath] = pageFacts }
            built.pageSources[outputPath] = built.pageSources[outputPath] ?? "the \(outputPath) that hubsite makes"
            built.paths.insert(outputPath)
        }
        return built
    }

    /// Stage 4: the files made from the whole site (SiteBuilder+SiteFiles.swift); the sources
    /// copied as they are, each read only to be written. Each is scanned like the pages.
    private func writeSiteFiles(_ inputs: Inputs, into sink: some OutputSink, built: inout BuiltPages, log: inout DiagnosticLog) {
        let checker = inputs.checker
        let files = siteFiles(site: built.site, templates: inputs.templates, assets: inputs.listing.assets, log: &log)
        let written = OutputClashes.leaveOut(files, pages: built.pageSources, log: &log).concurrentMap { siteFile -> (String, SiteChecker.PageFacts?, Diagnostic?) in
            let file: OutputFile
            switch siteFile.contents {
            case .made(let bytes):
                file = OutputFile(path: siteFile.path, contents: bytes)
            case .copied(let absolutePath):
                switch SourceFile.readBytes(atPath: absolutePath) {
                case .success(let bytes): file = OutputFile(path: siteFile.path, contents: bytes)
                case .failure(let problem): return (siteFile.path, nil, Diagnostic(at: SourceLocation(file: siteFile.origin), problem))
                }
            }
            do {
                try sink.write(file)
            } catch {
                return (file.path, nil, Diagnostic(at: SourceLocation(file: file.path), "cannot write \(file.path): \(SystemError.describe(error))",
                                                   fix: "check that the output folder is writable and the disk has space"))
            }
            return (file.path, scanned(siteFile, file, checker: checker), nil)
        }
        for (path, pageFacts, problem) in written {
            built.paths.insert(path)
            if let pageFacts { built.facts[path] = pageFacts }
            if let problem { log.append(contentsOf: [problem]) }
        }
    }

    /// What the checker learns of a site file: nothing unless it is HTML; a copied source's
    /// tags are placed at their own lines in it.
    private func scanned(_ siteFile: SiteFile, _ file: OutputFile, checker: SiteChecker) -> SiteChecker.PageFacts? {
        guard file.path.hasSuffix(".html") else { return nil }
        let origin: SiteChecker.HTMLOrigin = if case .copied = siteFile.contents { .file(siteFile.origin) } else { .template }
        return checker.scan(path: file.path, parts: [.html(file.contents[...], firstLine: 1)], origin: origin, root: siteFile.root)
    }

    /// Stage 5: every link and id across the site, and what the prose and the dates say.
    private func check(_ built: BuiltPages, inputs: Inputs, log: inout DiagnosticLog) -> SiteChecker.Report {
        let report = inputs.checker.check(pages: built.facts, paths: built.paths)
        log.append(contentsOf: report.diagnostics)
        log.append(contentsOf: CohortCheck.diagnostics(for: built.site, today: settings.today))
        return report
    }
}

/// How long each stage took, for `hubsite build --timings`.
struct StageClock {
    private(set) var timings: [(stage: String, seconds: Double)] = []

    mutating func time<T, Failure: Error>(_ stage: String, _ work: () throws(Failure) -> T) throws(Failure) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return try work()
    }
}
