import Foundation

/// Checks a built site the way a reader's browser would meet it: every internal link, image,
/// stylesheet and script leads to a file, every `#fragment` to an id on its page; and the
/// page structure that accessibility depends on: unique ids, images with alt text, headings
/// without skipped levels, links with a name. All problems are reported, not the first.
public struct SiteChecker: Sendable {
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        /// External address → the pages that link to it, both sorted.
        public var externalLinks: [(url: String, pages: [String])]
        public var checkedPages: Int
        public var checkedLinks: Int
    }

    /// Where the author wrote each address of a page (from the Markdown stage), by output path.
    public var linkOrigins: [String: [String: LinkOrigin]] = [:]
    /// How the output folder is named in messages, e.g. `public`.
    public var outputName: String = "public"

    public init(linkOrigins: [String: [String: LinkOrigin]] = [:], outputName: String = "public") {
        self.linkOrigins = linkOrigins
        self.outputName = outputName
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
        var log = DiagnosticLog()
        let folders = Set(paths.flatMap { folderPrefixes(of: $0) })
        var external: [String: Set<String>] = [:]
        var checkedLinks = 0
        for (page, pageFacts) in facts.sorted(by: { $0.key < $1.key }) {
            log.append(contentsOf: pageFacts.diagnostics)
            for link in pageFacts.links {
                checkedLinks += 1
                let origin = linkOrigins[page]?[link.url]
                let location = origin?.location ?? place(page, link.line)
                let written = origin?.written ?? link.url
                switch resolve(link.url, from: page) {
                case .external:
                    external[link.url, default: []].insert(page)
                case .invalid(let reason):
                    log.error(at: location, "broken link \"\(written)\": \(reason)", fix: "correct the address")
                case .internal(let target, let fragment):
                    if !paths.contains(target) {
                        let folderHint = folders.contains(target) ? "it is a folder: link to \(target)/index.html" : nil
                        let near = Suggestion.nearest(to: target, in: paths).map { "did you mean \($0)?" }
                        log.error(at: location, "broken link \"\(written)\": \(target) does not exist in the site",
                                  fix: folderHint ?? near ?? "correct the address, or add the page it should lead to")
                    } else if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), facts[target]?.ids.contains(fragment) == false {
                        let near = Suggestion.nearest(to: fragment, in: facts[target]?.ids ?? []).map { "did you mean \"#\($0)\"?" }
                        log.error(at: location, "broken link \"\(written)\": \(target) has no id \"\(fragment)\"",
                                  fix: near ?? "link to a heading that exists; each heading's id is shown by its # link")
                    } else if fragment == "" {
                        log.error(at: location, "link \"\(written)\" points nowhere", fix: "link to a page or a heading, or remove the link")
                    }
                }
            }
        }
        return Report(diagnostics: log.all.sorted(),
                      externalLinks: external.sorted { $0.key < $1.key }.map { ($0.key, $0.value.sorted()) },
                      checkedPages: facts.count, checkedLinks: checkedLinks)
    }

    // MARK: - One page

    /// Reads one page's ids and links, and reports what is wrong inside it.
    public func scan(_ file: OutputFile) -> PageFacts {
        var facts = PageFacts()
        var log = DiagnosticLog()
        var previousHeading = 0
        var firstLines: [String: Int] = [:]
        var openLink: (line: Int, hasName: Bool, href: String)?
        for event in HTMLScanner.events(in: file.contents) {
            switch event {
            case .text(let text):
                if openLink != nil, text.contains(where: { !$0.isWhitespace }) { openLink?.hasName = true }
            case .tag(let tag) where tag.isClosing:
                if tag.name == "a", let link = openLink {
                    if !link.hasName {
                        log.error(at: place(file.path, link.line), "empty link to \"\(link.href)\": it has no text a screen reader can announce",
                                  fix: "give the link text, e.g. [Accessibility statement](/accessibility/)")
                    }
                    openLink = nil
                }
            case .tag(let tag):
                if let id = tag.attributes["id"] {
                    if let first = firstLines[id] {
                        log.error(at: place(file.path, tag.line), "duplicate id \"\(id)\" (first on line \(first))",
                                  fix: "give each element its own id; headings get theirs from their text, so two equal headings need different words")
                    } else {
                        firstLines[id] = tag.line
                        facts.ids.insert(id)
                    }
                }
                for attribute in ["href", "src"] {
                    guard let url = tag.attributes[attribute], ["a", "link", "img", "script", "source", "iframe", "area"].contains(tag.name) else { continue }
                    if tag.name == "link", let rel = tag.attributes["rel"], rel == "canonical" || rel == "alternate" { continue }
                    facts.links.append((url, tag.line))
                }
                switch tag.name {
                case "img":
                    if tag.attributes["alt"] == nil {
                        log.error(at: place(file.path, tag.line), "image \"\(tag.attributes["src"] ?? "")\" has no alt text",
                                  fix: "describe the image: ![what it shows](image.png), or leave the words out only if it is decorative")
                    } else if tag.attributes["alt"]?.isEmpty == false {
                        openLink?.hasName = true
                    }
                case "a" where tag.attributes["href"] != nil:
                    let labelled = !(tag.attributes["aria-label"] ?? "").isEmpty || tag.attributes["aria-labelledby"] != nil
                    openLink = (tag.line, labelled, tag.attributes["href"] ?? "")
                case "h1", "h2", "h3", "h4", "h5", "h6":
                    let level = Int(String(tag.name.dropFirst())) ?? 1
                    if level > previousHeading + 1 {
                        log.error(at: place(file.path, tag.line),
                                  previousHeading == 0 ? "the page's first heading is <\(tag.name)>, not <h1>"
                                                       : "heading level skipped: <\(tag.name)> follows <h\(previousHeading)>",
                                  fix: "use the next level down (\(String(repeating: "#", count: previousHeading + 1)) in Markdown) so the outline has no gaps")
                    }
                    previousHeading = level
                default:
                    break
                }
            }
        }
        facts.diagnostics = log.all
        return facts
    }

    // MARK: - Addresses

    private enum Resolution {
        case external
        case invalid(String)
        /// Path inside the site and the fragment (nil: none; "": a bare "#").
        case `internal`(String, fragment: String?)
    }

    private func resolve(_ url: String, from page: String) -> Resolution {
        if url.hasPrefix("//") || hasScheme(url) { return .external }
        var rest = Substring(url)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = Self.percentDecoded(String(rest[rest.index(after: hash)...]))
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        let path = Self.percentDecoded(String(rest))
        if path.isEmpty { return .internal(page, fragment: fragment) }
        if path.hasPrefix("/"), page != "404.html" {
            return .invalid("a link from the domain's root breaks when the site is published in a sub-folder; write it from the site's root as /page/ in Markdown, which hubsite makes relative")
        }
        var parts = path.hasPrefix("/") ? [] : page.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return .invalid("it leads outside the site's folder") }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        var target = parts.joined(separator: "/")
        if path.hasSuffix("/") || target.isEmpty { target += target.isEmpty ? "index.html" : "/index.html" }
        return .internal(target, fragment: fragment)
    }

    /// Foundation's decoder is slow on Linux; nearly no address has a "%" to decode.
    private static func percentDecoded(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "%")) ? (text.removingPercentEncoding ?? text) : text
    }

    private func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.first!.isLetter && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    private func folderPrefixes(of path: String) -> [String] {
        let parts = path.split(separator: "/").dropLast()
        return parts.indices.map { parts[...$0].joined(separator: "/") }
    }

    private func place(_ page: String, _ line: Int) -> SourceLocation {
        SourceLocation(file: "\(outputName)/\(page)", line: line, column: 1)
    }
}
