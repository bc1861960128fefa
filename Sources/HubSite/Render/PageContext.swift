import Foundation

/// The dictionary a template renders: dictionaries are about three times faster to render
/// than structs read through reflection, and their keys are the templates' documented vocabulary.
enum PageContext {
    /// The values every page shares, made once per build rather than once per page.
    struct Shared: @unchecked Sendable {
        // Only strings, numbers, arrays and dictionaries of them, never changed after init.
        fileprivate let values: [String: Any]

        init(_ config: SiteConfig) {
            let cohort = config.cohort
            var values: [String: Any] = [
                "lang": config.language,
                // Open Graph writes a locale with an underscore: en-GB → en_GB.
                "og_locale": config.language.replacingOccurrences(of: "-", with: "_"),
                "site": ["title": config.title, "publisher": config.publisher],
                "cohort": [
                    "number": cohort.number, "ordinal": cohort.ordinalWord, "year1": cohort.year1, "year2": cohort.year2,
                ],
                "key_dates": cohort.keyDates.map(keyDate),
                "window": [
                    "opens": dateContext(cohort.applicationsOpen),
                    "closes": dateContext(cohort.applicationsClose),
                ],
            ]
            if let base = config.baseURL { values["base_url"] = base }
            self.values = values
        }
    }

    /// `root` is the way back to the site's root from the page ("", "../", or an absolute address for 404.html).
    static func make(page: Page, site: Site, root: String, inlineCSS: String? = nil, shared: Shared? = nil) -> [String: Any] {
        let config = site.config
        var context = (shared ?? Shared(config)).values
        // Set key by key: merging dictionaries made and hashed two more per page.
        context["root"] = root
        context["home_url"] = root + "index.html"
        context["stylesheet_url"] = root + "style.css"
        context["script_url"] = root + "site.js"
        context["calendar_url"] = root + "key-dates.ics"
        context["accessibility_url"] = root + "accessibility/index.html"
        var pageValues: [String: Any] = [
            "title": page.title,
            "body": page.body.html,
            "toc": page.body.tableOfContents.map { ["id": $0.id, "text": $0.text] },
            "has_toc": page.body.tableOfContents.count > 1,
            "is_sheet": page.kind == .sheet,
            "is_home": page.urlPath.isEmpty,
        ]
        if let description = page.description { pageValues["description"] = description }
        if let summary = page.description ?? page.hub.map({ hubSummary($0, config: config) }) ?? site.sheet?.description {
            pageValues["summary"] = summary
        }
        context["page"] = pageValues
        context["hubs_url"] = root + "hubs/index.html"
        context["breadcrumbs"] = breadcrumbs(for: page, root: root)
        if let hub = page.hub { context["hub"] = hubContext(hub, site: site, root: root) }
        if page.kind == .hubFinder { context["finder"] = finderContext(site: site, root: root) }
        if page.kind == .sheet, !site.archives.isEmpty {
            context["archives"] = site.archives.map { ["number": $0.number, "url": root + $0.path] }
            context["has_archives"] = true
        }
        if let inlineCSS { context["inline_css"] = inlineCSS }
        if let base = config.baseURL { context["canonical_url"] = base + page.urlPath }
        if page.kind == .sheet {
            context["json_ld"] = JSONLD.programme(config: config, description: page.description,
                                                 url: config.baseURL.map { $0 + page.urlPath })
        }
        return context
    }

    /// The trail above the page's title: the sheet, then the finder for a hub.
    private static func breadcrumbs(for page: Page, root: String) -> [[String: Any]] {
        switch page.kind {
        case .sheet: return []
        case .hub: return [["title": "Information sheet", "url": root + "index.html"], ["title": "Maths Hubs", "url": root + "hubs/index.html"]]
        case .hubFinder, .page: return [["title": "Information sheet", "url": root + "index.html"]]
        }
    }

    private static func hubContext(_ hub: Hub, site: Site, root: String) -> [String: Any] {
        let programmeDates: [(CalendarDate, [String: Any])] = site.config.cohort.keyDates.map {
            ($0.date, ["date": dateContext($0.date), "title": $0.title])
        }
        // Events before the build's stamp are listed apart; site.js moves those that have
        // passed since by the reader's clock.
        let today = site.config.stamp.day
        func eventContext(_ event: Hub.Event) -> [String: Any] {
            var item: [String: Any] = ["date": dateContext(event.date), "title": event.title, "is_hub_event": true]
            if let time = event.time { item["time"] = time }
            if let place = event.place { item["place"] = place }
            return item
        }
        let hubDates = hub.events.filter { $0.date >= today }.map { ($0.date, eventContext($0)) }
        let pastEvents = hub.events.filter { $0.date < today }.reversed().map(eventContext)
        var context: [String: Any] = [
            "name": hub.name,
            "slug": hub.slug,
            "region": hub.region.name,
            "region_url": root + "hubs/index.html#" + hub.region.id,
            "areas": hub.areas,
            "has_areas": !hub.areas.isEmpty,
            "apply_url": hub.applyURL ?? root + "index.html#how-to-apply",
            "apply_external": hub.applyURL != nil,
            "dates": (programmeDates + hubDates).sorted { $0.0 < $1.0 }.map(\.1),
            "has_events": !hub.events.isEmpty,
            "past_events": pastEvents,
            "has_past_events": !pastEvents.isEmpty,
            "calendar_url": "key-dates.ics",
        ]
        if let website = hub.website {
            context["website"] = website
            context["website_label"] = websiteLabel(website)
        }
        if let contact = hub.contact {
            context["contact"] = ["email": contact.email].merging(contact.role.map { ["role": $0] } ?? [:]) { $1 }
        }
        return context
    }

    /// What a reader needs to recognise the address: `www.example.org/solent/`, without the scheme.
    private static func websiteLabel(_ website: String) -> String {
        guard let url = URLComponents(string: website), let host = url.host else { return website }
        let path = url.path == "/" ? "" : url.path
        return host + path + (url.query.map { "?" + $0 } ?? "")
    }

    /// What a link preview says of a hub page that has no description of its own.
    private static func hubSummary(_ hub: Hub, config: SiteConfig) -> String {
        let areas = hub.areas.count > 1 ? hub.areas.dropLast().joined(separator: ", ") + " and " + hub.areas.last!
            : hub.areas.first ?? hub.region.inSentence
        return "How teachers in \(areas) apply through \(hub.name) for cohort \(config.cohort.number) of the \(config.title)."
    }

    private static func finderContext(site: Site, root: String) -> [String: Any] {
        let hubs = site.listedHubs
        let regions: [[String: Any]] = Region.allCases.map { region in
            let inRegion = hubs.filter { $0.region == region }
            return [
                "name": region.name,
                "id": region.id,
                "count_label": count(inRegion.count, "hub"),
                "has_hubs": !inRegion.isEmpty,
                "hubs": inRegion.map { hub -> [String: Any] in
                    var item: [String: Any] = [
                        "name": hub.name,
                        "url": root + "hubs/\(hub.slug)/index.html",
                        "search": ([hub.name] + hub.areas).joined(separator: " | ").lowercased(),
                    ]
                    if !hub.areas.isEmpty { item["areas_text"] = hub.areas.joined(separator: ", ") }
                    return item
                },
            ]
        }
        return [
            "regions": regions,
            "total_label": count(hubs.count, "Maths Hub"),
            "region_count": Set(hubs.map(\.region)).count,
        ]
    }

    /// "1 hub", "3 hubs".
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    static func dateContext(_ date: CalendarDate) -> [String: Any] {
        ["iso": date.iso, "text": date.text, "weekday": date.weekdayName]
    }

    private static func keyDate(_ keyDate: KeyDate) -> [String: Any] {
        ["id": keyDate.id, "title": keyDate.title, "detail": keyDate.detail, "date": dateContext(keyDate.date)]
    }
}
