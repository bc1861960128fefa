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
        HubNames.checkUnique(pages, log: &log)
        // Pages with errors of their own were still rendered and checked, so that one build
        // reports their broken links too; only broken templates stop the build here.
        guard render else { throw BuildFailure(log.all) }
        pages.sort { $0.urlPath < $1.urlPath }
        let site = Site(config: config, pages: consume pages, archives: frame.archives)

        var paths = Set(listing.pages.map { $0.urlPath + "index.html" })
        timed("site files") {
            let files = siteFiles(site: site, templates: templates, assets: listing.assets, log: &log)
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
}
