/// Turns one page's Markdown into HTML with the generator's passes: variables, dates, site
/// links, the criteria table and heading ids. cmark does the parsing and rendering; the
/// decisions are made here, on Swift values.
struct MarkdownStage {
    struct Options {
        var variables: TextVariables
        var unsafeHTML: Bool
        /// How many folders deep the page sits: `/accessibility/` links become `../accessibility/index.html`.
        var depth: Int
        /// The information sheet must have the criteria lists; other pages may not.
        var requiresCriteria: Bool
        /// The cohort, for the stale-date lint; nil to skip it.
        var cohort: Cohort?
        /// Ids the page template already uses.
        var reservedIDs: Set<String> = ["main-content", "contents", "key-dates", "top", "hub-apply", "hub-dates", "hub-search", "previous-cohorts"]
    }

    var options: Options

    /// How many times one stale-fact finding is listed per page before the rest are counted.
    static let repeatedFindingsShown = 20
    /// Above this, a page still builds, with a warning.
    static let largePageBytes = 1_000_000

    /// The stage for one content file. Without a cohort, the stale-date lint is left out (a page
    /// whose front matter could not be read, whose prose is still checked for its own errors).
    init(for content: ContentFile, variables: TextVariables, config: SiteConfig, cohort: Cohort?) {
        options = Options(variables: variables, unsafeHTML: config.unsafeHTML, depth: content.depth,
                          requiresCriteria: content.kind == .sheet, cohort: cohort)
    }

    init(options: Options) {
        self.options = options
    }

    /// A content file's body, from the line below its front matter.
    func render(_ content: ContentFile, log: inout DiagnosticLog) -> RenderedMarkdown {
        let size = content.split.body.utf8.count
        if size > Self.largePageBytes {
            log.warning(at: SourceLocation(file: content.path), "this page's Markdown is \(size / 1_000_000) MB: a page this large loads slowly, above all on a phone",
                        fix: "split it into several pages, and link images instead of pasting them in")
        }
        return render(content.split.body, file: content.path, firstLine: content.split.bodyFirstLine, log: &log)
    }

    /// Renders `markdown`, which starts on line `firstLine` of `file`.
    func render(_ markdown: String, file: String, firstLine: Int, log: inout DiagnosticLog) -> RenderedMarkdown {
        var problems = DiagnosticLog()
        var dates: [CalendarDate] = []
        var toc: [TableOfContentsEntry] = []
        var criteria: Criteria?
        var slugs = SlugMaker(reserved: options.reservedIDs)
        let body = BodyPlacement(file: file, firstLine: firstLine)
        let location = body.location

        var hooks = CommonMarkHooks()
        // The same finding a thousand times helps nobody: the first few are shown, then a count.
        var lintCounts: [String: Int] = [:]
        func substituted(_ text: String, in part: String, at position: SourcePosition) -> (text: String, isValid: Bool) {
            let result = options.variables.substitute(in: text)
            for problem in result.problems {
                problems.error(at: location(position), "\(problem.message) in the link's \(part)", fix: problem.fix)
            }
            return (result.text, result.problems.isEmpty)
        }
        hooks.rewriteText = { text, positions in
            // Most text has no variable: then the written and the substituted text are the same
            // and their dates are found once.
            let hasVariable = TextBytes.contains("{{", in: text)
            let writtenDates = UKDateScanner.matches(in: text)
            let otherDates = OtherDateForms.matches(in: text, ukDates: writtenDates)
            if let cohort = options.cohort {
                for finding in StaleDateLint.findings(in: text, cohort: cohort, dates: writtenDates, otherDates: otherDates) {
                    lintCounts[finding.message, default: 0] += 1
                    guard lintCounts[finding.message]! <= Self.repeatedFindingsShown else { continue }
                    problems.warning(at: location(positions.position(atByte: finding.place)), finding.message, fix: finding.fix)
                }
            }
            for other in otherDates {
                problems.warning(at: location(positions.position(atByte: other.byteOffset)),
                                 "the date \"\(other.written)\" is not written the UK way, so it is not marked as a date or checked",
                                 fix: other.ukForm.map { "write it as \"\($0)\"" } ?? "write it as day, month and year, e.g. \"30 April 2026\", and check the numbers: they are no real day")
            }
            // Nothing to replace and no date to mark: the run stays as cmark parsed it.
            guard hasVariable || !writtenDates.isEmpty else { return nil }
            let substituted = hasVariable ? options.variables.substitute(in: text) : (text: text, problems: [])
            for problem in substituted.problems {
                problems.error(at: location(positions.position(atByte: problem.place)), problem.message, fix: problem.fix)
            }
            // Variables change lengths; dates are placed by the run's start when a variable came first.
            let position = substituted.problems.isEmpty && substituted.text == text ? positions : TextRunPositions(parts: [(0, positions.position(atByte: 0))])
            return DateMarkup.pieces(for: substituted.text, matches: hasVariable ? nil : writtenDates) { match in
                if case .valid(let date) = match.outcome { dates.append(date) }
                if let problem = match.outcome.problem(written: match.written) {
                    problems.error(at: location(position.position(atByte: match.byteOffset)), problem)
                }
            }
        }
        // Dates and the stale-date lint need a digit or a "cohort", variables a brace: other text cannot change.
        hooks.textTriggers = "0123456789{cC"
        let root = RelativeURL.root(depth: options.depth)
        hooks.rewriteLink = { target, position in
            // A variable in an address or title: the error is placed at the link, as cmark keeps
            // no place for a destination (or for the reference definition it came from).
            let (url, isValid) = substituted(target.url, in: "address", at: position)
            let title = substituted(target.title, in: "title", at: position).text
            if !options.unsafeHTML, let scheme = DangerousURL.scheme(of: url) {
                problems.warning(at: location(position), "the address \"\(url)\" is left out of the page: \(scheme) addresses can run code, so links to them are removed",
                                 fix: "link to a web page (https://…) or to a page of the site (/accessibility/)")
            }
            return LinkTarget(url: RelativeURL.fromSiteAbsolute(url, root: root), title: title, isReported: !isValid)
        }
        hooks.replaceBlocks = { blocks, items in
            let found = CriteriaFinder.find(in: blocks, items: items)
            for problem in found.problems {
                problems.error(at: location(problem.place), problem.message, fix: problem.fix)
            }
            guard let match = found.match else {
                if options.requiresCriteria, found.problems.isEmpty {
                    problems.error(at: SourceLocation(file: file, line: firstLine), "the information sheet has no criteria lists",
                                   fix: "under \"Who should apply?\" add a \"### Essential\" heading followed by a list, then a \"### Desirable\" heading followed by a list (see docs/EDITING.md: the criteria table)")
                }
                return []
            }
            criteria = match.criteria
            let table = CriteriaTable.render(match)
            return [BlockReplacement(range: match.range, html: table.html, events: table.events)]
        }
        hooks.renderHeading = { heading in
            if heading.plainText.allSatisfy(\.isWhitespace) {
                problems.warning(at: location(heading.position), "this heading is empty: a screen reader announces a heading with nothing in it",
                                 fix: "write the heading's words after the #, or remove the line")
            }
            let id = slugs.makeID(for: heading.plainText)
            if heading.level == 2 { toc.append(TableOfContentsEntry(id: id, text: heading.plainText)) }
            return HeadingMarkup.wrapper(level: heading.level, id: id, plainText: heading.plainText)
        }

        hooks.notice = { notice in
            switch notice {
            case .rawHTML(let html, let position):
                guard !options.unsafeHTML else { return }
                let shown = html.split(separator: "\n").first.map { $0.count > 40 ? $0.prefix(40) + "…" : $0 } ?? ""
                problems.warning(at: location(position), "raw HTML \"\(shown)\" is left out of the page (cmark writes <!-- raw HTML omitted --> instead)",
                                 fix: "write it in Markdown: **bold**, [a link](https://…), a list, a blank line between paragraphs; raw HTML is kept only with \"unsafe_html: true\" in site.yml")
            case .image(let url, let alt, let title, let position) where alt.allSatisfy(\.isWhitespace) && title != "decorative":
                problems.warning(at: location(position), "the image \"\(url)\" has no alt text: screen readers skip it",
                                 fix: "describe what it shows: ![Map of the hub's area](\(url)); if it is only decoration, say so with the title \"decorative\": ![](\(url) \"decorative\")")
            case .pipeLine(let line, let position) where line.dropFirst().contains("|"):
                problems.warning(at: location(position), "this looks like a table, but Markdown here has no tables: readers see the \"|\" characters as text",
                                 fix: "write a list instead (a line per item, each starting with \"- \"); for the criteria, use the \"### Essential\" and \"### Desirable\" lists (see docs/EDITING.md: the criteria table)")
            default:
                break
            }
        }

        let (html, events) = CommonMark.render(markdown, unsafeHTML: options.unsafeHTML, hooks: hooks)
        for (message, count) in lintCounts.sorted(by: { $0.key < $1.key }) where count > Self.repeatedFindingsShown {
            problems.warning(at: SourceLocation(file: file, line: firstLine), "\(count - Self.repeatedFindingsShown) more times in this page: \(message)",
                             fix: "the first \(Self.repeatedFindingsShown) are listed with their places; the same fix applies to each")
        }
        log.append(contentsOf: problems.all)
        return RenderedMarkdown(html: html, tableOfContents: toc, criteria: criteria, dates: dates, events: events.map { body.placed($0) })
    }
}
