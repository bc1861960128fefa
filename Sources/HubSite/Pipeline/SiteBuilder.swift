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

    /// The pipeline, stage by stage (the one list of them): load → pages (parse, render, write)
    /// → site files → check → replace the output folder (the caller's `OutputTransaction`).
    /// Each page goes through parse, render and write inside one task (SiteBuilder+Page.swift),
    /// so only small facts about it outlive the task. Every rule over the sources runs in
    /// every build, so that `build`, `check` and the preview say the same.
    func run(into sink: some OutputSink) throws(BuildFailure) -> Result {
        var log = DiagnosticLog()
        var clock = StageClock()
        let inputs = try clock.time("load") { () throws(BuildFailure) in try load(&log) }
        var built = clock.time("pages") { buildPages(inputs, sink: sink, log: &log) }
        // Pages with errors of their own were still rendered and checked, so that one build
        // reports their broken links too; only broken templates stop the build here.
        guard inputs.rendersPages else { throw BuildFailure(log.all) }
        clock.time("site files") { writeSiteFiles(inputs, into: sink, built: &built, log: &log) }
        let report = clock.time("check") { check(built, inputs: inputs, log: &log) }
        guard !log.hasErrors else { throw BuildFailure(log.all) }
        guard !settings.strict || log.all.isEmpty else { throw BuildFailure(log.all, strict: true) }
        return Result(site: built.site, fileCount: built.paths.count, draftsLeftOut: built.draftsLeftOut, warnings: log.all.sorted(), report: report,
                      timings: clock.timings)
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

    /// The site as the pages stage leaves it, and what the checker has learnt of each page.
    struct BuiltPages {
        var site: Site
        var facts: [String: SiteChecker.PageFacts]
        var paths: Set<String>
        var draftsLeftOut: Int
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

    /// Stage 2: every page of `content/`, each in a task of its own. Everything a page needs is
    /// known now, except the finder, which lists every hub: it is made with the site files.
    private func buildPages(_ inputs: Inputs, sink: some OutputSink, log: inout DiagnosticLog) -> BuiltPages {
        let config = inputs.config, templates = inputs.templates
        let loader = PageLoader(config: config, templateNames: templates.names, pageTemplateNames: templates.pageNames,
                                includeDrafts: settings.includeDrafts,
                                assetSizes: Dictionary(inputs.listing.assets.map { ($0.path, $0.size) }) { first, _ in first })
        let frame = Site(config: config, pages: [], archives: ArchivedCohort.find(in: inputs.listing.assets.map(\.path)))
        let checker = inputs.checker
        let shared = PageContext.Shared(config)
        let outcomes = inputs.listing.pages.concurrentMap { entry -> PageOutcome in
            buildPage(entry, loader: loader, templates: inputs.rendersPages ? templates : nil, frame: frame, shared: shared,
                      sink: sink, checker: checker)
        }
        var facts: [String: SiteChecker.PageFacts] = [:]
        var pages: [Page] = []
        var drafts: Set<String> = []
        for outcome in outcomes {
            if outcome.isDraftLeftOut { drafts.insert(outcome.outputPath) }
            log.append(contentsOf: outcome.diagnostics)
            if let page = outcome.page { pages.append(page) }
            if let pageFacts = outcome.facts { facts[outcome.outputPath] = pageFacts }
        }
        if !pages.contains(where: { $0.kind == .hubFinder }) { pages.append(HubFinder.defaultPage) }
        HubNames.checkUnique(pages, log: &log)
        pages.sort { $0.urlPath < $1.urlPath }
        return BuiltPages(site: Site(config: config, pages: pages, archives: frame.archives), facts: facts,
                          paths: Set(inputs.listing.pages.map { $0.urlPath + "index.html" }).subtracting(drafts), draftsLeftOut: drafts.count)
    }

    /// Stage 3: the files made from the whole site (SiteBuilder+SiteFiles.swift) and the finder,
    /// which lists every hub; the sources copied as they are, each read only to be written.
    /// Each is scanned like the pages.
    private func writeSiteFiles(_ inputs: Inputs, into sink: some OutputSink, built: inout BuiltPages, log: inout DiagnosticLog) {
        // The finder's page is among the site files: its content file only introduces it.
        let pages = Dictionary(inputs.listing.pages.filter { $0.kind != .hubFinder }.map { ($0.urlPath + "index.html", $0.path) }) { first, _ in first }
        let checker = inputs.checker
        var files = siteFiles(site: built.site, templates: inputs.templates, assets: inputs.listing.assets, log: &log)
        // The finder's facts are known as it is made: its body is Markdown.
        let finder = built.site.pages.first { $0.kind == .hubFinder }.map { page in
            renderPage(page, outputPath: page.urlPath + "index.html", templates: inputs.templates, site: built.site, shared: nil, checker: checker)
        }
        if let finder { files.append(SiteFile(made: finder.0)) }
        let written = OutputClashes.leaveOut(files, pages: pages, log: &log).concurrentMap { siteFile -> (String, SiteChecker.PageFacts?, Diagnostic?) in
            let file: OutputFile
            switch siteFile.contents {
            case .made(let bytes):
                file = OutputFile(path: siteFile.path, contents: bytes)
            case .copied(let absolutePath):
                switch SourceFile.readBytes(atPath: absolutePath) {
                case .success(let bytes): file = OutputFile(path: siteFile.path, contents: bytes)
                case .failure(let problem): return (siteFile.path, nil, Diagnostic(at: SourceLocation(file: siteFile.origin), problem.message, fix: problem.fix))
                }
            }
            do {
                try sink.write(file)
            } catch {
                return (file.path, nil, Diagnostic(at: SourceLocation(file: file.path), "cannot write \(file.path): \(SystemError.describe(error))",
                                                   fix: "check that the output folder is writable and the disk has space"))
            }
            return (file.path, file.path == finder?.0.path ? finder?.1 : scanned(siteFile, file, checker: checker), nil)
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

    /// Stage 4: every link and id across the site, and what the prose and the dates say.
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
