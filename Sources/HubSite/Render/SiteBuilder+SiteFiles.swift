import Foundation

/// A file of the site besides the content pages, made or copied, with where it comes from.
struct SiteFile: Sendable {
    enum Contents: Sendable {
        case made([UInt8])
        /// A source published as it is, read only when it is written: a build never holds
        /// the site's images and documents all at once.
        case copied(absolutePath: String)
    }

    var path: String
    var contents: Contents
    /// Where it comes from, for messages: the source copied (`content/legacy.html`), or
    /// `the 404.html that hubsite makes`.
    var origin: String
    /// How the page climbs to the site's root, when not by its folders (404.html).
    var root: String?

    init(made file: OutputFile, origin: String? = nil, root: String? = nil) {
        path = file.path
        contents = .made(file.contents)
        self.origin = origin ?? "the \(file.path) that hubsite makes"
        self.root = root
    }

    init(copying absolutePath: String, from origin: String, to path: String) {
        self.path = path
        contents = .copied(absolutePath: absolutePath)
        self.origin = origin
    }
}

extension SiteBuilder {
    /// Everything besides the pages: 404.html, calendars, robots.txt,
    /// sitemap.xml, the templates' assets and the other files of content/, each with where it
    /// comes from, for messages about two files of one name.
    func siteFiles(site: Site, templates: Templates, assets: [AssetEntry], log: inout DiagnosticLog) -> [SiteFile] {
        let folder = source.appendingPathComponent("templates/assets")
        let templateAssets = FileTree.scan(under: folder).files.map {
            SiteFile(copying: $0.absolutePath, from: "templates/assets/" + $0.relativePath, to: $0.relativePath)
        }
        var css: String?
        if case .success(let bytes) = SourceFile.readBytes(atPath: folder.appendingPathComponent("style.css").path) {
            css = String(decoding: bytes, as: UTF8.self)
        }
        // 404.html links from the address it is served at: its root is base_url, not its folder.
        let notFound = SiteFile(made: notFoundPage(site: site, templates: templates, css: css), root: site.config.baseURL ?? "/")
        var files: [OutputFile] = []
        if let robots = SiteFiles.robots(baseURL: site.config.baseURL) { files.append(OutputFile(path: "robots.txt", text: robots)) }
        if let base = site.config.baseURL {
            files.append(OutputFile(path: "sitemap.xml", text: SiteFiles.sitemap(baseURL: base, pagePaths: site.pages.filter { !$0.isDraft }.map(\.urlPath))))
        }
        files.append(OutputFile(path: "key-dates.ics", text: KeyDateCalendar.programme(site.config)))
        files += site.hubs.concurrentMap { hub in
            OutputFile(path: "hubs/\(hub.slug)/key-dates.ics", text: KeyDateCalendar.hub(hub, config: site.config))
        }
        return templateAssets + assets.map { SiteFile(copying: $0.absolutePath, from: "content/" + $0.path, to: $0.path) }
            + [notFound] + files.map { SiteFile(made: $0) } + redirects(site: site, log: &log)
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
                files.append(SiteFile(made: OutputFile(path: alias.outputPath, text: redirect), origin: origin))
                if let hub = page.hub, alias.outputPath.hasSuffix("/index.html") {
                    let folder = alias.outputPath.dropLast("index.html".count)
                    files.append(SiteFile(made: OutputFile(path: folder + "key-dates.ics", text: KeyDateCalendar.hub(hub, config: site.config)), origin: origin))
                }
            }
        }
        return files
    }

    /// 404.html is served at any address, so relative links cannot work there: it carries its
    /// styles inline and links home through base_url (or the domain's root when unknown).
    private func notFoundPage(site: Site, templates: Templates, css: String?) -> OutputFile {
        let page = Page(kind: .page, source: "templates/404.mustache", title: "Page not found", description: nil,
                        template: "404", urlPath: "404.html",
                        body: .empty)
        var context = PageContext.make(page: page, site: site, root: site.config.baseURL ?? "/",
                                       inlineCSS: css)
        context["canonical_url"] = nil
        return OutputFile(path: "404.html", text: templates.render(context, with: "404"))
    }
}
