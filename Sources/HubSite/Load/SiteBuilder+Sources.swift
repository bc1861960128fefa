import Foundation

/// Reading the site's folder: site.yml and the list of content/.
extension SiteBuilder {
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
            guard var config = SiteConfig.load(file, log: &log) else { return nil }
            apply(settings, to: &config, log: &log)
            return config
        }
    }

    /// The command line's and the environment's part, checked as site.yml's own values are.
    private func apply(_ settings: BuildSettings, to config: inout SiteConfig, log: inout DiagnosticLog) {
        if let url = settings.baseURL {
            config.baseURL = SiteConfig.checkedBaseURL(url, named: "--base-url", at: SourceLocation(file: "--base-url"), log: &log)
        }
        if let text = settings.sourceDateEpoch {
            if let stamp = BuildStamp.parse(sourceDateEpoch: text) {
                config.stamp = stamp
            } else {
                log.error(at: SourceLocation(file: "SOURCE_DATE_EPOCH"),
                          "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, found \"\(text)\"",
                          fix: "set it to e.g. $(git log -1 --format=%ct), or unset it to stamp calendars with the day applications open")
            }
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

    /// A file of `content/` published as it is (an image, a PDF), not read yet.
    struct AssetEntry: Sendable {
        var absolutePath: String
        /// Below `content/`: `hubs/london/leaflet.pdf`.
        var path: String
        /// In bytes, as listed: what a hub's page says of a document.
        var size: Int
    }

    /// Markdown files become pages; any other file in `content/` (an image, a PDF) is published as it is.
    func listContent(_ log: inout DiagnosticLog) -> (pages: [ContentEntry], assets: [AssetEntry]) {
        let folder = source.appendingPathComponent("content")
        var pages: [ContentEntry] = []
        var byURLPath: [String: String] = [:]
        var assets: [AssetEntry] = []
        let tree = FileTree.scan(under: folder)
        for link in tree.links {
            let said = FileTree.linkMessage(copyInto: "content/")
            log.error(at: SourceLocation(file: "content/" + link.relativePath), said)
        }
        for file in tree.files {
            let relative = file.relativePath
            let path = "content/" + relative
            guard relative.hasSuffix(".md") else {
                let name = file.url.lastPathComponent.lowercased().trimmingCharacters(in: .whitespaces)
                let stem = file.url.lastPathComponent.trimmingCharacters(in: .whitespaces).split(separator: ".").dropLast().joined(separator: ".")
                if name.hasSuffix(".md") {
                    log.error(at: SourceLocation(file: path), "hubsite reads pages from names ending in .md, in small letters with nothing after; this one would be published as a raw file",
                              fix: "rename it to \(stem).md")
                } else if Self.otherMarkdownExtensions.contains(where: name.hasSuffix) {
                    log.warning(at: SourceLocation(file: path), "this looks like a Markdown page, but hubsite builds only names ending in .md, so it is left out of the site",
                                fix: "rename it to \(stem).md")
                } else if name.contains(".md.") || name.contains(".md-") || name.contains(".md_") {
                    log.warning(at: SourceLocation(file: path), "this looks like a copy or backup of a page, so it is left out of the site",
                                fix: "keep copies outside content/, or rename it to end in .md if it is a page")
                } else {
                    var status = stat()
                    let size = lstat(file.absolutePath, &status) == 0 ? Int(status.st_size) : 0
                    assets.append(AssetEntry(absolutePath: file.absolutePath, path: relative, size: size))
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
        return (pages, assets)
    }

    /// Names other tools give Markdown: never published raw, sources and all.
    private static let otherMarkdownExtensions = [".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtxt", ".mdtext"]

    /// The information sheet's file alone, for `renderArchivedSheet`.
    func loadSheet(_ log: inout DiagnosticLog) -> ContentFile? {
        guard let entry = listContent(&log).pages.first(where: { $0.kind == .sheet }) else { return nil }
        switch ContentFile.read(entry) {
        case .failure(let diagnostic):
            log.append(contentsOf: [diagnostic])
            return nil
        case .success(let content):
            return content
        }
    }
}
