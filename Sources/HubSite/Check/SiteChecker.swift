import Foundation

/// Checks a built site the way a reader's browser would meet it: every internal link, image,
/// stylesheet and script leads to a file, every `#fragment` to an id on its page; and the
/// page structure that accessibility depends on: unique ids, images with alt text, headings
/// without skipped levels, links with a name. All problems are reported, not the first.
public struct SiteChecker: Sendable {
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        /// Every external address, sorted, with the pages that link to it and where each link was written.
        public var externalLinks: [ExternalLink]
        public var checkedPages: Int
        public var checkedLinks: Int
    }

    /// How the output folder is named in messages, e.g. `public`.
    public var outputName: String = "public"
    /// Where the templates and front matter wrote what the built pages hold; nil for a folder
    /// checked as it is, whose problems are placed in its own files.
    var sources: SourcePlaces?

    public init(outputName: String = "public") {
        self.outputName = outputName
    }

    init(sources: SourcePlaces?) {
        self.sources = sources
    }

    /// This checker, also knowing the addresses `page`'s front matter gave, for its page at `path`.
    func placing(frontMatter page: Page, at path: String) -> SiteChecker {
        var checker = self
        if let links = page.hub?.links { checker.sources?.frontMatter = [path: links] }
        return checker
    }

    /// What the checker needs to know of one built page, kept instead of the page itself.
    public struct PageFacts: Sendable {
        var ids: Set<String> = []
        var links: [Link] = []
        /// Problems inside the page itself: duplicate ids, images without alt, skipped headings, empty links.
        var diagnostics: [Diagnostic] = []
        /// How the page climbs to the site's root (`../../`), which a template writes as `{{root}}`.
        var root = ""
    }

    /// An address a browser follows from the page, and where it was written.
    struct Link: Sendable {
        var url: String
        var place: Place
    }

    /// Where something in a built page was written.
    enum Place: Sendable {
        /// In a source, known when it was made: the Markdown, front matter, an HTML file of content/.
        case written(SourceLocation, as: String)
        /// In HTML a template made: its line and column in the built page, looked up in the
        /// templates only when a problem is reported there.
        case built(line: Int, column: Int)
    }

    /// A page as the checker reads it, in order.
    enum Part {
        /// HTML to read, starting on `firstLine` of the page.
        case html(ArraySlice<UInt8>, firstLine: Int)
        /// A Markdown body's events (CommonMark+Events.swift), placed in `source`.
        case body([HTMLScanner.Event], source: String)
    }

    /// Where a page's HTML came from, which decides how its tags are placed.
    enum HTMLOrigin: Sendable {
        /// A template made it: placed through `sources`, else at its line in the built page.
        case template
        /// A file of content/ copied as it is: its line is the source's.
        case file(String)
    }

    /// Checks a whole site given as files: every HTML page is scanned, then every link followed.
    public func check(_ files: [OutputFile]) -> Report {
        var facts: [String: PageFacts] = [:]
        for file in files where file.path.hasSuffix(".html") {
            facts[file.path] = scan(file)
        }
        return check(pages: facts, paths: Set(files.map(\.path)))
    }

    /// Follows every link of `pages` to the site's `paths` and the target pages' ids.
    func check(pages facts: [String: PageFacts], paths: Set<String>) -> Report {
        // Pages are checked across all cores; where a link was written is only looked up for a broken one.
        let sorted = facts.sorted { $0.key < $1.key }
        let checked = sorted.concurrentMap { page, pageFacts in
            checkLinks(of: page, pageFacts, pages: facts, paths: paths)
        }
        var diagnostics: [Diagnostic] = []
        // A template's link is on every page: sets, sorted once at the end.
        var external: [String: (pages: Set<String>, places: Set<SourceLocation>)] = [:]
        for ((page, _), result) in zip(sorted, checked) {
            diagnostics += result.diagnostics
            for (url, place) in result.external {
                external[url, default: ([], [])].pages.insert(page)
                external[url, default: ([], [])].places.insert(place)
            }
        }
        // A template's mistake is found on every page it makes, and reported once.
        return Report(diagnostics: Array(Set(diagnostics)).sorted(),
                      externalLinks: external.sorted { $0.key < $1.key }.map {
                          ExternalLink(url: $0.key, pages: $0.value.pages.sorted(), places: $0.value.places.sorted())
                      },
                      checkedPages: facts.count, checkedLinks: facts.values.reduce(0) { $0 + $1.links.count })
    }

    private func checkLinks(of page: String, _ pageFacts: PageFacts, pages facts: [String: PageFacts],
                            paths: Set<String>) -> (diagnostics: [Diagnostic], external: [(String, SourceLocation)]) {
        var log = DiagnosticLog()
        log.append(contentsOf: pageFacts.diagnostics)
        var external: [(String, SourceLocation)] = []
        for link in pageFacts.links {
            // Where the link was written is looked up only for a broken or an external one.
            func broken(_ message: (String) -> String, fix: (_ written: String, _ location: SourceLocation) -> String) {
                let (location, written) = located(link.url, at: link.place, page: page, root: pageFacts.root)
                log.error(at: location, message(written), fix: fix(written, location))
            }
            switch resolve(link.url, from: page) {
            case .external:
                external.append((link.url, located(link.url, at: link.place, page: page, root: pageFacts.root).location))
            case .fromDomainRoot:
                broken({ "broken link \"\($0)\": a link from the domain's root breaks when the site is published in a sub-folder" }) { _, location in
                    if location.file.hasPrefix("templates/") { return "start it with {{root}} instead of \"/\": {{root}}\(link.url.dropFirst())" }
                    return "write it as a Markdown link, [text](\(link.url)), which hubsite makes relative, or relative to this page"
                }
            case .invalid(let reason):
                broken({ "broken link \"\($0)\": \(reason)" }) { _, _ in "correct the address" }
            case .internal(let target, let fragment):
                if !paths.contains(target) {
                    let isFolder = paths.contains { $0.hasPrefix(target + "/") }
                    broken({ "broken link \"\($0)\": \(target) does not exist in the site" }) { written, _ in
                        if isFolder { return "it is a folder: link to \(target)/index.html" }
                        // In the form the author used: /hubs/central/ in Markdown, the file's path elsewhere.
                        return Suggestion.nearest(to: target, in: paths).map { path -> String in
                            let siteForm = "/" + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
                            return "did you mean \(written.hasPrefix("/") ? siteForm : path)?"
                        } ?? "correct the address, or add the page it should lead to"
                    }
                } else if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), facts[target]?.ids.contains(fragment) == false {
                    let near = Suggestion.nearest(to: fragment, in: facts[target]?.ids ?? []).map { "did you mean \"#\($0)\"?" }
                    broken({ "broken link \"\($0)\": \(target) has no id \"\(fragment)\"" }) { _, _ in
                        near ?? "link to a heading that exists; each heading's id is shown by its # link"
                    }
                } else if fragment == "" {
                    broken({ "link \"\($0)\" points nowhere" }) { _, _ in "link to a page or a heading, or remove the link" }
                }
            }
        }
        return (log.all, external)
    }

    // MARK: - One page

    /// The links and ids of a page body alone, for a page that cannot be made: what the page
    /// around it would be is unknown, so its structure is not judged.
    func linksOnly(of body: RenderedMarkdown, source: String, path: String) -> PageFacts {
        var facts = scan(path: path, parts: [.body(body.events, source: source)])
        facts.diagnostics = []
        return facts
    }

    /// Reads one built HTML file's ids and links, and reports what is wrong inside it.
    public func scan(_ file: OutputFile) -> PageFacts {
        scan(path: file.path, parts: [.html(file.contents[...], firstLine: 1)])
    }

    /// Reads one page from its parts, and reports what is wrong inside it, each problem placed
    /// where its element was written.
    func scan(path: String, parts: [Part], origin: HTMLOrigin = .template, root: String? = nil) -> PageFacts {
        var page = PageScan(checker: self, path: path)
        page.facts.root = root ?? RelativeURL.root(depth: TextBytes.count(of: UInt8(ascii: "/"), in: path))
        for part in parts {
            switch part {
            case .html(let bytes, let firstLine):
                let file: String? = if case .file(let source) = origin { source } else { nil }
                HTMLScanner.scan(bytes) { event in
                    page.visit(event) { tag, name in
                        let attribute = name.flatMap { tag.attributes.attribute($0) }
                        let line = (attribute?.line ?? tag.line) + firstLine - 1, column = attribute?.column ?? tag.column
                        guard let file else {
                            // A hub's document or booking link: its front matter is where it was written.
                            if let value = attribute?.value, let origin = sources?.frontMatter[path]?[value] {
                                return .written(origin.location, as: origin.written)
                            }
                            return .built(line: line, column: column)
                        }
                        return .written(SourceLocation(file: file, line: line, column: column), as: attribute.map { $0.written ?? $0.value } ?? "")
                    }
                }
            case .body(let events, let source):
                for event in events {
                    if case .tag(let tag) = event, tag.isReported { continue }
                    page.visit(event) { tag, name in
                        let attribute = name.flatMap { tag.attributes.attribute($0) }
                        return .written(SourceLocation(file: source, line: attribute?.line ?? tag.line, column: attribute?.column ?? tag.column),
                                        as: tag.written ?? attribute.map { $0.written ?? $0.value } ?? "")
                    }
                }
            }
        }
        return page.finish()
    }

    /// Where `value`, at `place` in the built `page`, was written, and how it was written there
    /// (a template writes `{{root}}hubs/` where the page holds `../hubs/`).
    func located(_ value: String, at place: Place, page: String, root: String) -> (location: SourceLocation, written: String) {
        switch place {
        case .written(let location, let written):
            return (location, written)
        case .built(let line, let column):
            return sources?.locate(value, root: root)
                ?? (SourceLocation(file: "\(outputName)/\(page)", line: line, column: column), value)
        }
    }

    /// One page's facts, gathered tag by tag. Each problem is placed where its element was written.
    private struct PageScan {
        let checker: SiteChecker
        let path: String
        var facts = PageFacts()
        var log = DiagnosticLog()
        var previousHeading = 0
        var firstPlaces: [String: Place] = [:]
        var openLink: (place: Place, hasName: Bool, href: String)?

        init(checker: SiteChecker, path: String) {
            self.checker = checker
            self.path = path
        }

        /// `place` says where a tag, or the value of its attribute named, was written.
        mutating func visit(_ event: HTMLScanner.Event, place: (HTMLScanner.Tag, String?) -> Place) {
            switch event {
            case .text:
                if openLink != nil { openLink?.hasName = true }
            case .tag(let tag) where tag.isClosing:
                if tag.name == "a" { linkEnd() }
            case .tag(let tag):
                if let id = tag.attributes["id"] { recordID(id, at: place(tag, "id")) }
                if SiteChecker.isLinking(tag.name) {
                    let rel = tag.name == "link" ? tag.attributes["rel"] : nil
                    if rel != "canonical", rel != "alternate" {
                        for name in ["href", "src"] {
                            if let url = tag.attributes[name] { facts.links.append(Link(url: url, place: place(tag, name))) }
                        }
                    }
                }
                switch tag.name {
                case "img":
                    image(tag.attributes["src"], alt: tag.attributes["alt"], at: place(tag, "src"))
                case "a":
                    if let href = tag.attributes["href"] {
                        let labelled = !(tag.attributes["aria-label"] ?? "").isEmpty || tag.attributes["aria-labelledby"] != nil
                        openLink = (place(tag, "href"), labelled, href)
                    }
                case "h1", "h2", "h3", "h4", "h5", "h6":
                    heading(level: Int(tag.name.utf8.last! - 48), id: tag.attributes["id"], at: place(tag, nil))
                default:
                    break
                }
            }
        }

        func location(of value: String, _ place: Place) -> SourceLocation {
            checker.located(value, at: place, page: path, root: facts.root).location
        }

        mutating func recordID(_ id: String, at place: Place) {
            if let first = firstPlaces[id] {
                let here = location(of: id, place), firstPlace = location(of: id, first)
                let said = firstPlace.file == here.file ? "first on line \(firstPlace.line)" : "first at \(firstPlace)"
                log.error(at: here, "duplicate id \"\(id)\" (\(said))",
                          fix: "give each element its own id; headings get theirs from their text, so two equal headings need different words")
            } else {
                firstPlaces[id] = place
                facts.ids.insert(id)
            }
        }

        mutating func linkEnd() {
            guard let link = openLink else { return }
            if !link.hasName {
                log.error(at: location(of: link.href, link.place), "empty link to \"\(link.href)\": it has no text a screen reader can announce",
                          fix: "give the link text, e.g. [Accessibility statement](/accessibility/)")
            }
            openLink = nil
        }

        mutating func image(_ url: String?, alt: String?, at place: Place) {
            if alt == nil {
                log.error(at: location(of: url ?? "", place), "image \"\(url ?? "")\" has no alt text",
                          fix: "describe the image: ![what it shows](image.png), or leave the words out only if it is decorative")
            } else if alt?.isEmpty == false {
                openLink?.hasName = true
            }
        }

        mutating func heading(level: Int, id: String?, at place: Place) {
            if level > previousHeading + 1 {
                log.error(at: location(of: id ?? "", place),
                          previousHeading == 0 ? "the page's first heading is <h\(level)>, not <h1>"
                                               : "heading level skipped: <h\(level)> follows <h\(previousHeading)>",
                          fix: "use the next level down (\(String(repeating: "#", count: previousHeading + 1)) in Markdown) so the outline has no gaps")
            }
            previousHeading = level
        }

        mutating func finish() -> PageFacts {
            facts.diagnostics = log.all
            return facts
        }
    }

    /// Tags whose `href` or `src` a browser follows.
    fileprivate static func isLinking(_ name: String) -> Bool {
        switch name {
        case "a", "link", "img", "script", "source", "iframe", "area": return true
        default: return false
        }
    }

    // MARK: - Addresses

    private enum Resolution {
        case external
        /// `/page/` in the built HTML: it works only at a domain's root.
        case fromDomainRoot
        case invalid(String)
        /// Path inside the site and the fragment (nil: none; "": a bare "#").
        case `internal`(String, fragment: String?)
    }

    /// Works on UTF-8 bytes: there are more links than anything else in a site.
    private func resolve(_ url: String, from page: String) -> Resolution {
        let bytes = url.utf8
        if bytes.starts(with: "//".utf8) || hasScheme(bytes) { return .external }
        var pathEnd = bytes.endIndex
        var fragment: String?
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            fragment = Self.percentDecoded(String(url[bytes.index(after: hash)...]))
            pathEnd = hash
        }
        if let query = bytes[..<pathEnd].firstIndex(of: UInt8(ascii: "?")) { pathEnd = query }
        let path = Self.percentDecoded(String(url[..<pathEnd]))
        if path.isEmpty { return .internal(page, fragment: fragment) }
        let fromRoot = path.utf8.first == UInt8(ascii: "/")
        if fromRoot, page != "404.html" { return .fromDomainRoot }
        var target: [UInt8] = []
        if !fromRoot, let slash = page.utf8.lastIndex(of: UInt8(ascii: "/")) { target += page.utf8[..<slash] }
        for part in path.utf8.split(separator: UInt8(ascii: "/")) {
            if part.elementsEqual(".".utf8) { continue }
            if part.elementsEqual("..".utf8) {
                guard !target.isEmpty else { return .invalid("it leads outside the site's folder") }
                target.removeSubrange((target.lastIndex(of: UInt8(ascii: "/")) ?? 0)...)
                continue
            }
            if !target.isEmpty { target.append(UInt8(ascii: "/")) }
            target += part
        }
        if path.utf8.last == UInt8(ascii: "/") || target.isEmpty { target += target.isEmpty ? Array("index.html".utf8) : Array("/index.html".utf8) }
        return .internal(String(decoding: target, as: UTF8.self), fragment: fragment)
    }

    /// Foundation's decoder is slow on Linux; nearly no address has a "%" to decode.
    private static func percentDecoded(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "%")) ? (text.removingPercentEncoding ?? text) : text
    }

    /// `https:`, `mailto:`: a letter, then letters, digits, "+", "-" or ".", then a colon.
    private func hasScheme(_ bytes: String.UTF8View) -> Bool {
        guard let first = bytes.first, TextBytes.isLetter(first) else { return false }
        for byte in bytes.dropFirst() {
            if byte == UInt8(ascii: ":") { return true }
            guard TextBytes.isLetterOrDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return false }
        }
        return false
    }
}
