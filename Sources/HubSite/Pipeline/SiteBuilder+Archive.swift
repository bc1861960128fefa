import Foundation

extension SiteBuilder {
    /// The information sheet as it stands now, rendered to live at `archive/cohort-N/`: its
    /// links lead back to the site's root, it says it is archived, and it carries its own
    /// `key-dates.ics`. `hubsite new-cohort` keeps these files in `content/archive/`.
    /// `current` is this site as `render()` made it, so that the site is built only once.
    public func renderArchivedSheet(of current: Result) throws(BuildFailure) -> [OutputFile] {
        var log = DiagnosticLog()
        let templates = Templates.load(from: source.appendingPathComponent("templates"), relativeTo: source, log: &log)
        guard var sheet = loadSheet(&log) else { throw BuildFailure(log.all) }
        let config = current.site.config
        let folder = "archive/cohort-\(config.cohort.number)/"
        sheet.urlPath = folder
        let loader = PageLoader(config: config, templateNames: templates.names, pageTemplateNames: templates.pageNames)
        guard var page = loader.load(sheet, log: &log) else { throw BuildFailure(log.all) }
        page.body = MarkdownStage(for: sheet, variables: loader.variables, config: config, cohort: config.cohort).render(sheet, log: &log)
        guard !log.hasErrors else { throw BuildFailure(log.all) }

        var context = PageContext.make(page: page, site: current.site, root: RelativeURL.root(depth: 2))
        context["archived"] = ["number": config.cohort.number, "year1": config.cohort.year1, "year2": config.cohort.year2]
        context["calendar_url"] = "key-dates.ics"
        context["canonical_url"] = config.baseURL.map { $0 + folder }
        context["json_ld"] = nil
        return [
            OutputFile(path: folder + "index.html", text: templates.render(context, with: page.template)),
            OutputFile(path: folder + "key-dates.ics", text: KeyDateCalendar.programme(config)),
        ]
    }
}
