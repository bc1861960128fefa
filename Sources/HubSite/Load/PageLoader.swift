import Foundation

/// From a content file's front matter to a `Page`, checked; its body is the Markdown stage's
/// (`MarkdownStage`, which the pipeline runs next).
struct PageLoader {
    static let allowedKeys = ["title", "description", "template", "draft", "aliases"]

    var config: SiteConfig
    var templateNames: Set<String>
    /// The templates a page may name: not partials, layouts or 404.
    var pageTemplateNames: Set<String>
    /// Whether pages and hubs with `draft: true` are made (the preview) or left out unread.
    var includeDrafts: Bool
    /// The other files of content/ (path below content/ → bytes): hubs' documents are found there.
    var assetSizes: [String: Int] = [:]
    /// Made once: every page of a build shares them.
    let variables: TextVariables

    init(config: SiteConfig, templateNames: Set<String>, pageTemplateNames: Set<String>, includeDrafts: Bool = false,
         assetSizes: [String: Int] = [:]) {
        self.config = config
        self.assetSizes = assetSizes
        self.includeDrafts = includeDrafts
        self.templateNames = templateNames
        self.pageTemplateNames = pageTemplateNames
        variables = TextVariables(values: config.variables, cohort: config.cohort)
    }

    func load(_ content: ContentFile, log: inout DiagnosticLog) -> Page? {
        let path = content.path
        let kind = content.kind
        var title = ""
        var description: String?
        var hub: Hub?
        var template = kind.defaultTemplate
        var templateLocation = SourceLocation(file: path)
        var isDraft = false
        var aliases: [Alias] = []

        if let yaml = content.split.yaml {
            // Unreadable front matter: the page cannot be made.
            guard let front = YAMLMap.parse(yaml, file: path, firstLine: content.split.yamlFirstLine, log: &log) else { return nil }
            // A draft left out is read no further: a hub being prepared may not be complete yet.
            isDraft = front.node("draft") != nil && front.bool("draft", log: &log) == true
            if isDraft, !includeDrafts {
                var draft = Page(kind: kind, source: path, title: "", description: nil, template: template, urlPath: content.urlPath,
                                 body: .empty)
                draft.isDraft = true
                return draft
            }
            if kind == .hub {
                let slug = String(content.urlPath.dropFirst("hubs/".count).dropLast())
                let folder = "hubs/\(slug)/"
                let files = Dictionary(uniqueKeysWithValues: assetSizes.filter { $0.key.hasPrefix(folder) }.map { (String($0.key.dropFirst(folder.count)), $0.value) })
                let surroundings = Hub.Surroundings(variables: variables, cohort: config.cohort, calendarDomain: config.calendarDomain, folderFiles: files)
                hub = Hub.load(slug: slug, front: front.without("template").without("aliases"), in: surroundings, log: &log)
                title = hub?.name ?? ""
            } else {
                front.rejectUnknownKeys(allowed: Self.allowedKeys, log: &log, what: "the front matter")
            }
            if kind != .hub, front.requireKey("title", log: &log, what: "the front matter", value: "the page's title as readers should see it") != nil {
                title = front.text("title", variables: variables, log: &log) ?? ""
            }
            description = front.text("description", variables: variables, log: &log)
            aliases = Self.aliases(front, urlPath: content.urlPath, log: &log)
            if let name = front.string("template", log: &log) {
                template = name
                templateLocation = front.location(of: front.node("template"))
            }
        } else {
            log.error(at: SourceLocation(file: path), "the page has no front matter",
                      fix: "start the file with three lines: \"---\", \"title: …\", \"---\"")
        }
        if templateNames.contains(template), !pageTemplateNames.contains(template) {
            log.error(at: templateLocation, "\"\(template)\" is a partial or layout, not a page template",
                      fix: "name one of the page templates: \(pageTemplateNames.sorted().joined(separator: ", "))")
        } else if !templateNames.contains(template) {
            log.error(at: templateLocation, "there is no template \"\(template)\" (templates/\(template).mustache)",
                      fix: Suggestion.nearest(to: template, in: templateNames).map { "did you mean \"\($0)\"?" }
                          ?? "create templates/\(template).mustache, or name an existing template")
        }
        var page = Page(kind: kind, source: path, title: title, description: description, template: template,
                        urlPath: content.urlPath, body: .empty, hub: hub)
        page.isDraft = isDraft
        page.aliases = aliases
        return page
    }

    /// `aliases:`, each an old address of this page from the site's root.
    private static func aliases(_ front: YAMLMap, urlPath: String, log: inout DiagnosticLog) -> [Alias] {
        (front.list("aliases", log: &log) ?? []).compactMap { node -> Alias? in
            guard let text = node.string, let alias = Alias(text, location: front.location(of: node)) else {
                log.error(at: front.location(of: node), "an alias must be an old address of this page from the site's root, found \(YAMLMap.describe(node))",
                          fix: "write the old address as the page's own addresses are written, e.g. \"- /hubs/boolean/\" or \"- /old-page.html\"")
                return nil
            }
            if alias.outputPath == urlPath + "index.html" {
                log.error(at: alias.location, "\"\(alias.written)\" is this page's own address", fix: "remove the alias")
                return nil
            }
            return alias
        }
    }
}
