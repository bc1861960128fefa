/// The dictionary a template renders: dictionaries are about three times faster to render
/// than structs read through reflection, and their keys are the templates' documented vocabulary.
enum PageContext {
    /// `root` is the way back to the site's root from the page ("", "../", or an absolute address for 404.html).
    static func make(page: Page, site: Site, root: String, inlineCSS: String? = nil) -> [String: Any] {
        let config = site.config
        let cohort = config.cohort
        var context: [String: Any] = [
            "lang": config.language,
            "site": ["title": config.title, "publisher": config.publisher],
            "cohort": [
                "number": cohort.number, "ordinal": cohort.ordinalWord, "year1": cohort.year1, "year2": cohort.year2,
            ],
            "root": root,
            "home_url": root + "index.html",
            "stylesheet_url": root + "style.css",
            "script_url": root + "site.js",
            "calendar_url": root + "key-dates.ics",
            "accessibility_url": root + "accessibility/index.html",
            "key_dates": cohort.keyDates.map(keyDate),
            "window": [
                "opens": dateContext(cohort.applicationsOpen),
                "closes": dateContext(cohort.applicationsClose),
            ],
            "page": [
                "title": page.title,
                "description": page.description ?? "",
                "body": page.body.html,
                "toc": page.body.tableOfContents.map { ["id": $0.id, "text": $0.text] },
                "has_toc": page.body.tableOfContents.count > 1,
                "is_sheet": page.kind == .sheet,
                "is_home": page.urlPath.isEmpty,
            ],
        ]
        if let inlineCSS { context["inline_css"] = inlineCSS }
        if let base = config.baseURL { context["canonical_url"] = base + page.urlPath }
        if page.kind == .sheet {
            context["json_ld"] = JSONLD.programme(config: config, description: page.description,
                                                 url: config.baseURL.map { $0 + page.urlPath })
        }
        return context
    }

    static func dateContext(_ date: CalendarDate) -> [String: Any] {
        ["iso": date.iso, "text": date.text, "weekday": date.weekdayName]
    }

    private static func keyDate(_ keyDate: KeyDate) -> [String: Any] {
        ["id": keyDate.id, "title": keyDate.title, "detail": keyDate.detail, "date": dateContext(keyDate.date)]
    }
}
