import Foundation

/// The pipeline, in the order data flows through it: load → parse → model → render → write.
public struct SiteBuilder: Sendable {
    /// The site's folder: `site.yml`, `content/`, `templates/`.
    public var source: URL

    public init(source: URL) {
        self.source = source.standardizedFileURL
    }

    /// What a successful build made, with the time each stage took.
    public struct Result: Sendable {
        public var site: Site
        /// Sorted by path.
        public var files: [OutputFile]
        public var warnings: [Diagnostic]
        public var timings: [(stage: String, seconds: Double)]
    }

    /// Builds the whole site in memory. Throws every error of the build at once.
    public func render() throws(BuildFailure) -> Result {
        var log = DiagnosticLog()
        var timings: [(String, Double)] = []
        func timed<T>(_ stage: String, _ work: () -> T) -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            defer { timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
            return work()
        }

        let config = timed("load site.yml") { loadConfig(&log) }
        let templates = timed("load templates") {
            Templates.load(from: source.appendingPathComponent("templates"), relativeTo: source, log: &log)
        }
        let (contents, assets) = timed("load content") { loadContent(&log) }
        guard let config else { throw BuildFailure(log.all) }

        let loader = PageLoader(config: config, templateNames: templates.names)
        let loaded = timed("parse Markdown") {
            contents.concurrentMap { content -> (Page?, [Diagnostic]) in
                var pageLog = DiagnosticLog()
                let page = loader.load(content, log: &pageLog)
                return (page, pageLog.all)
            }
        }
        for (_, diagnostics) in loaded { log.append(contentsOf: diagnostics) }
        var pages = loaded.compactMap(\.0)
        if !pages.contains(where: { $0.kind == .hubFinder }) { pages.append(HubFinder.defaultPage) }
        checkUniqueHubNames(pages, log: &log)
        let site = Site(config: config, pages: pages.sorted { $0.urlPath < $1.urlPath },
                        archives: ArchivedCohort.find(in: assets.map(\.path)))
        if site.sheet == nil, !contents.contains(where: { $0.urlPath.isEmpty }) {
            log.error(at: SourceLocation(file: "content/index.md"), "the information sheet content/index.md does not exist",
                      fix: "create it: it becomes the site's home page")
        }
        for required in ["404", "hubs", "hub"] where !templates.names.contains(required) {
            log.error(at: SourceLocation(file: "templates/\(required).mustache"), "the template \"\(required)\" does not exist",
                      fix: "create templates/\(required).mustache")
        }
        guard !log.hasErrors else { throw BuildFailure(log.all) }

        let files = timed("render pages") { renderFiles(site: site, templates: templates, assets: assets, log: &log) }
        guard !log.hasErrors else { throw BuildFailure(log.all) }
        let report = timed("check links") { SiteChecker(linkOrigins: site.linkOrigins).check(files) }
        log.append(contentsOf: report.diagnostics)
        guard !log.hasErrors else { throw BuildFailure(log.all) }
        return Result(site: site, files: files, warnings: log.all, timings: timings)
    }

    // MARK: - Stages

    func loadConfig(_ log: inout DiagnosticLog) -> SiteConfig? {
        let url = source.appendingPathComponent("site.yml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            log.error(at: SourceLocation(file: "site.yml"), "site.yml not found in \(source.path)",
                      fix: "run hubsite in the site's folder, or pass it with --source DIR")
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

    /// Markdown files become pages; any other file in `content/` (an image, a PDF) is published as it is.
    func loadContent(_ log: inout DiagnosticLog) -> ([ContentFile], [OutputFile]) {
        let folder = source.appendingPathComponent("content")
        var contents: [ContentFile] = []
        var assets: [OutputFile] = []
        for url in FileTree.files(under: folder) {
            let relative = FileTree.relativePath(of: url, in: folder)
            let path = "content/" + relative
            guard url.pathExtension == "md" else {
                if let data = try? Data(contentsOf: url) { assets.append(OutputFile(path: relative, contents: [UInt8](data))) }
                continue
            }
            switch ContentFile.urlPath(forContentPath: relative) {
            case .failure(let diagnostic):
                log.append(contentsOf: [diagnostic])
                continue
            case .success(let urlPath):
                if let first = contents.first(where: { $0.urlPath == urlPath }) {
                    log.error(at: SourceLocation(file: path), "\(first.path) and \(path) would both be published as \(urlPath)",
                              fix: "keep one of them")
                    continue
                }
                switch SourceFile.read(url, as: path).flatMap(FrontMatterSplit.split) {
                case .failure(let diagnostic): log.append(contentsOf: [diagnostic])
                case .success(let split):
                    contents.append(ContentFile(path: path, urlPath: urlPath, split: split, kind: Page.Kind.of(urlPath: urlPath)))
                }
            }
        }
        return (contents, assets)
    }

    private func renderFiles(site: Site, templates: Templates, assets: [OutputFile], log: inout DiagnosticLog) -> [OutputFile] {
        let templateAssets = FileTree.files(under: source.appendingPathComponent("templates/assets")).compactMap { url -> OutputFile? in
            guard let data = try? Data(contentsOf: url) else { return nil }
            return OutputFile(path: FileTree.relativePath(of: url, in: source.appendingPathComponent("templates/assets")), contents: [UInt8](data))
        }
        let pages = site.pages.concurrentMap { page -> OutputFile in
            let context = PageContext.make(page: page, site: site, root: RelativeURL.root(depth: page.depth))
            return OutputFile(path: page.urlPath + "index.html", text: templates.render(context, with: page.template))
        }
        var files = pages + templateAssets + assets
        files.append(notFoundPage(site: site, templates: templates, css: templateAssets.first { $0.path == "style.css" }))
        files.append(OutputFile(path: "robots.txt", text: SiteFiles.robots(baseURL: site.config.baseURL)))
        if let base = site.config.baseURL {
            files.append(OutputFile(path: "sitemap.xml", text: SiteFiles.sitemap(baseURL: base, pagePaths: site.pages.map(\.urlPath))))
        }
        files.append(OutputFile(path: "key-dates.ics", text: KeyDateCalendar.programme(site.config)))
        for hub in site.hubs {
            files.append(OutputFile(path: "hubs/\(hub.slug)/key-dates.ics", text: KeyDateCalendar.hub(hub, config: site.config)))
        }
        return uniqueSorted(files, log: &log)
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
        for page in pages.sorted(by: { $0.source < $1.source }) {
            guard let hub = page.hub else { continue }
            let key = hub.name.lowercased()
            if let first = seen[key] {
                log.error(at: SourceLocation(file: page.source, line: 2), "the hub \"\(hub.name)\" is also described in \(first)",
                          fix: "keep one file per hub: merge the two and delete the other")
            } else {
                seen[key] = page.source
            }
        }
    }

    /// Two sources for one output path (a page and a file in content/ of the same name) is an error.
    private func uniqueSorted(_ files: [OutputFile], log: inout DiagnosticLog) -> [OutputFile] {
        let sorted = files.sorted { $0.path < $1.path }
        for (first, second) in zip(sorted, sorted.dropFirst()) where first.path == second.path {
            log.error(at: SourceLocation(file: "content/" + first.path), "two files would both be published as \(first.path)",
                      fix: "rename one of them")
        }
        return sorted
    }
}
