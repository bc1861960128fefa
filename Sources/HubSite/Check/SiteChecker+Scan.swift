import Foundation

/// One page read by the checker: its ids and links, and what is wrong inside it, each placed
/// where it was written (the Markdown stage's record for the body, the template's tags for the
/// rest, a copied file's own lines).
extension SiteChecker {
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
                            if let value = attribute?.value, let origin = frontMatterLinks[value] {
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
            return templates?.locate(value, root: root)
                ?? (SourceLocation(file: "\(outputName)/\(page)", line: line, column: column), value)
        }
    }

    /// One page's facts, gathered tag by tag. Each problem is placed where its element was written.
    fileprivate struct PageScan {
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
        mutating func visit(_ event: HTML.Event, place: (HTML.Tag, String?) -> Place) {
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
}
