import Foundation

/// A file of the site besides the content pages, and what the checker needs to read it.
struct SiteFile {
    var file: OutputFile
    /// Where it comes from, for messages about two files of one name: `content/legacy.html`,
    /// `the 404.html that hubsite makes`.
    var origin: String
    /// A source file published as it is: its tags are at their own lines there.
    var copiedFrom: String?
    /// How the page climbs to the site's root, when not by its folders (404.html).
    var root: String?
    /// What the checker learnt of it as it was made (the finder, whose body is Markdown).
    var facts: SiteChecker.PageFacts?

    /// What the checker learns of it: nothing unless it is HTML.
    func scanned(by checker: SiteChecker) -> SiteChecker.PageFacts? {
        if let facts { return facts }
        guard file.path.hasSuffix(".html") else { return nil }
        return checker.scan(path: file.path, parts: [.html(file.contents[...], firstLine: 1)],
                            origin: copiedFrom.map { .file($0) } ?? .template, root: root)
    }
}

extension SiteBuilder {
    /// Everything besides the content pages: the finder, 404.html, calendars, robots.txt,
    /// sitemap.xml, the templates' assets and the other files of content/, each with where it
    /// comes from, for messages about two files of one name.
    func siteFiles(site: Site, templates: Templates, assets: [OutputFile], checker: SiteChecker, log: inout DiagnosticLog) -> [SiteFile] {
        let folder = source.appendingPathComponent("templates/assets")
        var templateAssets: [OutputFile] = []
        for file in FileTree.scan(under: folder).files {
            switch SourceFile.readBytes(atPath: file.absolutePath) {
            case .success(let bytes): templateAssets.append(OutputFile(path: file.relativePath, contents: bytes))
            case .failure(let problem): log.error(at: SourceLocation(file: "templates/assets/" + file.relativePath), problem.message, fix: problem.fix)
            }
        }
        var made: [SiteFile] = []
        if let finder = site.pages.first(where: { $0.kind == .hubFinder }) {
            let path = finder.urlPath + "index.html"
            let (file, facts) = renderPage(finder, outputPath: path, templates: templates, site: site, shared: nil, checker: checker)
            made.append(SiteFile(file: file, origin: "the \(path) that hubsite makes", facts: facts))
        }
        made.append(SiteFile(file: notFoundPage(site: site, templates: templates, css: templateAssets.first { $0.path == "style.css" }),
                             origin: "the 404.html that hubsite makes", root: site.config.baseURL ?? "/"))
        var files: [OutputFile] = []
        if let robots = SiteFiles.robots(baseURL: site.config.baseURL) { files.append(OutputFile(path: "robots.txt", text: robots)) }
        if let base = site.config.baseURL {
            files.append(OutputFile(path: "sitemap.xml", text: SiteFiles.sitemap(baseURL: base, pagePaths: site.pages.filter { !$0.isDraft }.map(\.urlPath))))
        }
        files.append(OutputFile(path: "key-dates.ics", text: KeyDateCalendar.programme(site.config)))
        files += site.hubs.concurrentMap { hub in
            OutputFile(path: "hubs/\(hub.slug)/key-dates.ics", text: KeyDateCalendar.hub(hub, config: site.config))
        }
        return templateAssets.map { SiteFile(file: $0, origin: "templates/assets/" + $0.path, copiedFrom: "templates/assets/" + $0.path) }
            + assets.map { SiteFile(file: $0, origin: "content/" + $0.path, copiedFrom: "content/" + $0.path) }
            + made + files.map { SiteFile(file: $0, origin: "the \($0.path) that hubsite makes") } + redirects(site: site, log: &log)
    }

    /// A redirect page at each alias; a hub's old folder keeps its calendar too, so that
    /// subscriptions to the old address go on working.
    private func redirects(site: Site, log: inout DiagnosticLog) -> [SiteFile] {
        let pages = Dictionary(site.pages.map { ($0.urlPath + "index.html", $0.source) }) { first, _ in first }
        var files: [SiteFile] = []
        for page in site.pages where !page.isDraft {
            for alias in page.aliases {
                if let other = pages[alias.outputPath] {
                    log.error(at: alias.location, "the alias \"\(alias.written)\" is the address of \(other)",
                              fix: "remove the alias: that address still has a page of its own")
                    continue
                }
                let origin = "\(page.source) (its alias \"\(alias.written)\")"
                let redirect = alias.redirectPage(to: page.urlPath + "index.html", title: page.title,
                                                  baseURL: site.config.baseURL, language: site.config.language)
                files.append(SiteFile(file: OutputFile(path: alias.outputPath, text: redirect), origin: origin))
                if let hub = page.hub, alias.outputPath.hasSuffix("/index.html") {
                    let folder = alias.outputPath.dropLast("index.html".count)
                    files.append(SiteFile(file: OutputFile(path: folder + "key-dates.ics", text: KeyDateCalendar.hub(hub, config: site.config)), origin: origin))
                }
            }
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
}
