@testable import HubSite

/// Entry points for the fuzzers in `Tests/fuzz`: each runs one stage of the pipeline on arbitrary
/// bytes, as a build would, and must return without crashing, hanging or leaking. The fuzz package
/// compiles this same file (a link to it), and FuzzRegressionTests replays its findings.
enum FuzzTargets {
    static let config = SiteConfig(
        title: "Fuzz", language: "en-GB", baseURL: nil, unsafeHTML: false, publisher: "Fuzz",
        cohort: Cohort(number: 11, firstYear: 2026, applicationsOpen: CalendarDate(year: 2025, month: 12, day: 16)!,
                       applicationsClose: CalendarDate(year: 2026, month: 4, day: 23)!),
        stamp: BuildStamp(seconds: 0))

    /// Front matter splitting and YAML, as for a content file (and a hub file).
    static func frontMatter(_ bytes: [UInt8]) {
        guard case .success(let file) = SourceFile.decode(bytes, as: "content/hubs/fuzz.md"),
              case .success(let split) = FrontMatterSplit.split(file),
              let yaml = split.yaml else { return }
        var log = DiagnosticLog()
        guard let front = YAMLMap.parse(yaml, file: file.path, firstLine: split.yamlFirstLine, log: &log) else { return }
        let surroundings = Hub.Surroundings(variables: TextVariables(values: config.variables), cohort: config.cohort,
                                            calendarDomain: config.calendarDomain, folderFiles: ["form.pdf": 1000])
        _ = Hub.load(slug: "fuzz", front: front, in: surroundings, log: &log)
        front.rejectUnknownKeys(allowed: PageLoader.allowedKeys, log: &log, what: "the front matter")
        _ = front.string("title", log: &log)
        _ = SiteConfig.load(file, log: &log)
    }

    /// The Markdown stage with every pass: variables, dates, links, criteria, heading ids, lint.
    static func markdown(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        var log = DiagnosticLog()
        let stage = MarkdownStage(options: .init(
            variables: TextVariables(values: config.variables), unsafeHTML: bytes.first.map { $0 & 1 == 1 } ?? false,
            depth: 2, requiresCriteria: true, cohort: config.cohort))
        let rendered = stage.render(text, file: "content/fuzz.md", firstLine: 1, log: &log)
        _ = SiteChecker().linksOnly(of: rendered, source: "content/fuzz.md", path: "fuzz/index.html")
    }

    /// A template parsed from the first half of the input and rendered with hostile values from the
    /// second. It is also the partial `partials/a`, so `{{> partials/a}}` in it includes itself.
    static func template(_ bytes: [UInt8]) {
        let middle = bytes.count / 2
        let source = String(decoding: bytes[..<middle], as: UTF8.self)
        let value = String(decoding: bytes[middle...], as: UTF8.self)
        var log = DiagnosticLog()
        let templates = Templates.make(["page": SourceFile(path: "templates/page.mustache", text: source),
                                        "partials/a": SourceFile(path: "templates/partials/a.mustache", text: source)], log: &log)
        guard !log.hasErrors else { return }
        let page = Page(kind: .page, source: "content/fuzz.md", title: value, description: value, template: "page", urlPath: "fuzz/",
                        body: RenderedMarkdown(html: value, tableOfContents: [.init(id: value, text: value)], criteria: nil, dates: []))
        let context = PageContext.make(page: page, site: Site(config: config, pages: [page]), root: "../")
        _ = templates.render(context, with: "page")
    }
}
