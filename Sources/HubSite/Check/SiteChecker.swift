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
    /// Where the templates wrote each address and id, looked up only for a problem; nil for a
    /// folder checked as it is, whose problems are placed in its own files.
    var templates: TemplatePlaces?
    /// The addresses the front matter of the page being read gave (a hub's documents and
    /// booking links), with where each was written.
    var frontMatterLinks: [String: LinkOrigin] = [:]

    public init(outputName: String = "public") {
        self.outputName = outputName
    }

    init(templates: TemplatePlaces) {
        self.templates = templates
    }

    /// This checker, for reading `page`: it also knows the addresses the page's front matter gave.
    func reading(_ page: Page) -> SiteChecker {
        var checker = self
        checker.frontMatterLinks = page.hub?.links ?? [:]
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
        case body([HTML.Event], source: String)
    }

    /// Where a page's HTML came from, which decides how its tags are placed.
    enum HTMLOrigin: Sendable {
        /// A template made it: placed through `templates`, else at its line in the built page.
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
}
