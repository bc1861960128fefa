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

    /// Where the author wrote each address of a page (from the Markdown stage), by output path.
    public var linkOrigins: [String: [String: LinkOrigin]] = [:]
    /// How the output folder is named in messages, e.g. `public`.
    public var outputName: String = "public"

    /// Where the rest was written: raw HTML, HTML files of content/, templates.
    public var sources: SourceFinder?

    public init(linkOrigins: [String: [String: LinkOrigin]] = [:], outputName: String = "public", sources: SourceFinder? = nil) {
        self.linkOrigins = linkOrigins
        self.outputName = outputName
        self.sources = sources
    }

    /// What the checker needs to know of one built page, kept instead of the page itself.
    public struct PageFacts: Sendable {
        var ids: Set<String> = []
        var links: [(url: String, line: Int)] = []
        /// Problems inside the page itself: duplicate ids, images without alt, skipped headings, empty links.
        var diagnostics: [Diagnostic] = []
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
            let origin = linkOrigins[page].flatMap { Self.lookUp(link.url, in: $0) }
            if origin?.isReported == true { continue }
            // Where a link the Markdown stage did not record was written: read from disk, so only for a broken one.
            func located() -> (location: SourceLocation, written: String)? {
                origin == nil ? sources?.locate(link.url, page: page, line: link.line) : nil
            }
            func broken(_ message: (String) -> String, fix: String, found: (location: SourceLocation, written: String)? = nil) {
                let found = found ?? located()
                log.error(at: origin?.location ?? found?.location ?? place(page, link.line), message(origin?.written ?? found?.written ?? link.url), fix: fix)
            }
            switch resolve(link.url, from: page) {
            case .external:
                external.append((link.url, origin?.location ?? located()?.location ?? place(page, link.line)))
            case .fromDomainRoot:
                let found = located()
                let inTemplate = found?.location.file.hasPrefix("templates/") == true
                broken({ "broken link \"\($0)\": a link from the domain's root breaks when the site is published in a sub-folder" },
                       fix: origin != nil ? "correct the address"
                           : inTemplate ? "start it with {{root}} instead of \"/\": {{root}}\(link.url.dropFirst())"
                           : "write it as a Markdown link, [text](\(link.url)), which hubsite makes relative, or relative to this page",
                       found: found)
            case .invalid(let reason):
                broken({ "broken link \"\($0)\": \(reason)" }, fix: "correct the address")
            case .internal(let target, let fragment):
                if !paths.contains(target) {
                    let isFolder = paths.contains { $0.hasPrefix(target + "/") }
                    // In the form the author used: /hubs/central/ in Markdown, the file's path elsewhere.
                    let near = Suggestion.nearest(to: target, in: paths).map { path -> String in
                        let siteForm = "/" + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
                        return "did you mean \(origin?.written.hasPrefix("/") == true ? siteForm : path)?"
                    }
                    broken({ "broken link \"\($0)\": \(target) does not exist in the site" },
                           fix: isFolder ? "it is a folder: link to \(target)/index.html" : near ?? "correct the address, or add the page it should lead to")
                } else if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), facts[target]?.ids.contains(fragment) == false {
                    let near = Suggestion.nearest(to: fragment, in: facts[target]?.ids ?? []).map { "did you mean \"#\($0)\"?" }
                    broken({ "broken link \"\($0)\": \(target) has no id \"\(fragment)\"" },
                           fix: near ?? "link to a heading that exists; each heading's id is shown by its # link")
                } else if fragment == "" {
                    broken({ "link \"\($0)\" points nowhere" }, fix: "link to a page or a heading, or remove the link")
                }
            }
        }
        return (log.all, external)
    }

    // MARK: - One page

    /// The links and ids of a page body alone, for a page that cannot be made: what the page
    /// around it would be is unknown, so its structure is not judged.
    func linksOnly(of body: RenderedMarkdown, path: String) -> PageFacts {
        let file = OutputFile(path: path, text: body.html)
        var facts = scan(file, body: MarkdownBody(range: 0..<file.contents.count, places: body.places))
        facts.diagnostics = []
        return facts
    }

    /// Where a page's Markdown body sits in its HTML, in bytes, and where its elements were written.
    struct MarkdownBody {
        var range: Range<Int>
        var places: BodyPlaces
    }

    /// Reads one page's ids and links, and reports what is wrong inside it. A problem inside
    /// `body` is reported where the Markdown wrote it; any other at its line of the HTML, which
    /// the source finder then looks for in the template or the raw HTML that wrote it.
    public func scan(_ file: OutputFile) -> PageFacts {
        scan(file, body: nil)
    }

    func scan(_ file: OutputFile, body: MarkdownBody?) -> PageFacts {
        var page = PageScan(checker: self, path: file.path, body: body)
        HTMLScanner.scan(file.contents) { page.visit($0) }
        return page.finish()
    }

    /// One page's facts, gathered tag by tag from its HTML. Each problem is placed where the
    /// element came from: its place in the Markdown, or its line of the HTML file.
    private struct PageScan {
        let checker: SiteChecker
        let path: String
        let body: MarkdownBody?
        var facts = PageFacts()
        var log = DiagnosticLog()
        var previousHeading = 0
        var firstPlaces: [String: SourceLocation] = [:]
        var openLink: (place: SourceLocation, hasName: Bool, href: String)?
        /// How many of the body's links to each address were met so far.
        var bodyLinksMet: [String: Int] = [:]

        init(checker: SiteChecker, path: String, body: MarkdownBody?) {
            self.checker = checker
            self.path = path
            self.body = body
        }

        mutating func visit(_ event: HTMLScanner.Event) {
            switch event {
            case .text:
                text()
            case .tag(let tag) where tag.isClosing:
                if tag.name == "a" { linkEnd() }
            case .tag(let tag):
                let here = writtenPlace(of: tag) ?? checker.place(path, tag.line)
                if let id = tag.attributes["id"] { recordID(id, at: here) }
                if SiteChecker.isLinking(tag.name) {
                    let rel = tag.name == "link" ? tag.attributes["rel"] : nil
                    if rel != "canonical", rel != "alternate" {
                        if let url = tag.attributes["href"] { follow(url, line: tag.line) }
                        if let url = tag.attributes["src"] { follow(url, line: tag.line) }
                    }
                }
                switch tag.name {
                case "img":
                    image(tag.attributes["src"], alt: tag.attributes["alt"], at: here)
                case "a":
                    if let href = tag.attributes["href"] {
                        let labelled = !(tag.attributes["aria-label"] ?? "").isEmpty || tag.attributes["aria-labelledby"] != nil
                        link(to: href, at: here, labelled: labelled)
                    }
                case "h1", "h2", "h3", "h4", "h5", "h6":
                    heading(level: Int(tag.name.utf8.last! - 48), at: here)
                default:
                    break
                }
            }
        }

        /// Where the Markdown wrote `tag`, when the body holds it: a heading by its id, a link or
        /// an image by its address (the second link to an address is the Markdown's second).
        /// nil for the template's HTML and for raw HTML, which are placed by their line.
        mutating func writtenPlace(of tag: HTMLScanner.Tag) -> SourceLocation? {
            guard let body, body.range.contains(tag.offset) else { return nil }
            switch tag.name {
            case "h1", "h2", "h3", "h4", "h5", "h6":
                return tag.attributes["id"].flatMap { body.places.headings[$0] }
            case "a", "img":
                // A heading's link to itself has an aria-label, which no Markdown link can have.
                guard !body.places.holdsRawHTML, tag.attributes["aria-label"] == nil, let url = tag.attributes[tag.name == "a" ? "href" : "src"],
                      let places = SiteChecker.lookUp(url, in: body.places.links) else { return nil }
                let index = bodyLinksMet[url, default: 0]
                bodyLinksMet[url] = index + 1
                return places.indices.contains(index) ? places[index] : nil
            default:
                return nil
            }
        }

        mutating func text() {
            if openLink != nil { openLink?.hasName = true }
        }

        mutating func recordID(_ id: String, at place: SourceLocation) {
            if let first = firstPlaces[id] {
                // The sources are read only now, for the few ids used twice.
                let here = checker.placed(place, value: id, page: path)
                let first = first.file == place.file ? first : checker.placed(first, value: id, page: path)
                let firstPlace = first.file == here.file ? "first on line \(first.line)" : "first at \(first)"
                log.error(at: here, "duplicate id \"\(id)\" (\(firstPlace))",
                          fix: "give each element its own id; headings get theirs from their text, so two equal headings need different words")
            } else {
                firstPlaces[id] = place
                facts.ids.insert(id)
            }
        }

        /// An address a browser follows from the page, counted on its HTML line.
        mutating func follow(_ url: String, line: Int) {
            facts.links.append((url, line))
        }

        /// A link opens: it needs a name before it closes.
        mutating func link(to url: String, at place: SourceLocation, labelled: Bool) {
            openLink = (place, labelled, url)
        }

        mutating func linkEnd() {
            guard let link = openLink else { return }
            if !link.hasName {
                log.error(at: checker.placed(link.place, value: link.href, page: path), "empty link to \"\(link.href)\": it has no text a screen reader can announce",
                          fix: "give the link text, e.g. [Accessibility statement](/accessibility/)")
            }
            openLink = nil
        }

        mutating func image(_ url: String?, alt: String?, at place: SourceLocation) {
            if alt == nil {
                log.error(at: checker.placed(place, value: url, page: path), "image \"\(url ?? "")\" has no alt text",
                          fix: "describe the image: ![what it shows](image.png), or leave the words out only if it is decorative")
            } else if alt?.isEmpty == false {
                openLink?.hasName = true
            }
        }

        mutating func heading(level: Int, at place: SourceLocation) {
            if level > previousHeading + 1 {
                log.error(at: place,
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
        if !fromRoot, let target = Self.fromRootOfSite(path, page: page) { return .internal(target, fragment: fragment) }
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

    /// The common case, without taking the path apart: a link that climbs exactly to the site's
    /// root and then names a plain path, as every link hubsite makes from a site-absolute one does
    /// (`../../hubs/` from `pages/a/index.html`). nil for anything else.
    private static func fromRootOfSite(_ path: String, page: String) -> String? {
        let depth = TextBytes.count(of: UInt8(ascii: "/"), in: page)
        var rest = path.utf8[...]
        for _ in 0..<depth {
            guard rest.starts(with: "../".utf8) else { return nil }
            rest = rest.dropFirst(3)
        }
        // "." or ".." parts, or an empty part, need the general walk.
        if rest.first == UInt8(ascii: ".") || rest.first == UInt8(ascii: "/") { return nil }
        var previous: UInt8 = 0
        for byte in rest {
            if previous == UInt8(ascii: "/"), byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") { return nil }
            previous = byte
        }
        let target = String(Substring(rest))
        return target.isEmpty || previous == UInt8(ascii: "/") ? target + "index.html" : target
    }

    /// What the Markdown stage recorded of `url`. It keeps addresses as the author wrote them,
    /// and cmark percent-encodes what an address may not hold (`{`, a space, `é`) as it writes it.
    fileprivate static func lookUp<Value>(_ url: String, in written: [String: Value]) -> Value? {
        written[url] ?? (url.utf8.contains(UInt8(ascii: "%")) ? url.removingPercentEncoding.flatMap { written[$0] } : nil)
    }

    /// Foundation's decoder is slow on Linux; nearly no address has a "%" to decode.
    private static func percentDecoded(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "%")) ? (text.removingPercentEncoding ?? text) : text
    }

    /// `https:`, `mailto:`: a letter, then letters, digits, "+", "-" or ".", then a colon.
    private func hasScheme(_ bytes: String.UTF8View) -> Bool {
        guard let first = bytes.first, isLetter(first) else { return false }
        for byte in bytes.dropFirst() {
            if byte == UInt8(ascii: ":") { return true }
            guard isLetter(byte) || (byte >= 48 && byte <= 57) || byte == 43 || byte == 45 || byte == 46 else { return false }
        }
        return false
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    /// A place in the built page, moved to the source that wrote `value` when it can be found.
    fileprivate func placed(_ place: SourceLocation, value: String?, page: String) -> SourceLocation {
        guard place.file.hasPrefix(outputName + "/"), let value, let found = sources?.locate(value, page: page, line: place.line) else { return place }
        return found.location
    }

    fileprivate func place(_ page: String, _ line: Int) -> SourceLocation {
        SourceLocation(file: "\(outputName)/\(page)", line: line, column: 1)
    }
}
