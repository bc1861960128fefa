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
                    "start_year": cohort.firstYear, "end_year": cohort.firstYear + 2,
                ],
                "key_dates": cohort.keyDates.map(keyDate),
                "window": windowContext(opens: DateAndTime(date: cohort.applicationsOpen), closes: DateAndTime(date: cohort.applicationsClose)),
            ]
            if let base = config.baseURL { values["base_url"] = base }
            if let form = config.applicationURL { values["application_url"] = form }
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
        // A page's own description, or a hub's made from its facts; never another page's, which
        // search engines flag as a duplicate (and which would depend on when the page was made).
        if let summary = page.description ?? page.hub.map({ hubSummary($0, config: config) }) {
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
        let cohort = site.config.cohort
        let window = hub.window(cohort)
        // The programme's key dates, with the hub's own opening and deadline in their place.
        let programmeDates: [(CalendarDate, [String: Any])] = cohort.keyDates.map { keyDate in
            let own = hub.ownDate(for: keyDate)
            var item: [String: Any] = ["date": dateContext(own?.date ?? keyDate.date), "title": keyDate.title]
            if let time = own?.timeText { item["time"] = time }
            if own != nil { item["is_hub_date"] = true }
            return (own?.date ?? keyDate.date, item)
        }
        // Every event is listed in date order: whether one has passed is the reader's clock's to
        // say (site.js moves it to "Past events"), never the day the site was built.
        func eventContext(_ event: Hub.Event) -> [String: Any] {
            var item: [String: Any] = ["date": dateContext(event.date), "title": event.title, "is_hub_event": true, "ends": event.ends]
            if let time = event.time { item["time"] = time }
            if let place = event.place { item["place"] = place }
            if event.isOnline { item["online"] = true }
            if let booking = event.bookingURL { item["booking_url"] = booking }
            return item
        }
        let hubDates = hub.events.map { ($0.date, eventContext($0)) }
        var context: [String: Any] = [
            "name": hub.name,
            "slug": hub.slug,
            "region": hub.region.name,
            "region_url": root + "hubs/index.html#" + hub.region.id,
            "areas": hub.areas,
            "has_areas": !hub.areas.isEmpty,
            "apply_url": hub.applyURL ?? root + "index.html#how-to-apply",
            "apply_external": hub.applyURL != nil,
            "dates": (programmeDates + hubDates).enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1),
            "has_events": !hub.events.isEmpty,
            "calendar_url": "key-dates.ics",
            "window": windowContext(opens: window.opens, closes: window.closes),
            "has_own_window": hub.applicationsOpen != nil || hub.applicationsClose != nil,
            "contacts": hub.contacts.map(contactContext),
            "has_contacts": !hub.contacts.isEmpty,
            "documents": hub.documents.map(documentContext),
            "has_documents": !hub.documents.isEmpty,
        ]
        if let form = hub.applyURL ?? site.config.applicationURL { context["application_url"] = form }
        if let website = hub.website {
            context["website"] = website
            context["website_label"] = websiteLabel(website)
        }
        return context
    }

    private static func contactContext(_ contact: Hub.Contact) -> [String: Any] {
        var item: [String: Any] = [:]
        if let name = contact.name { item["name"] = name }
        if let role = contact.role { item["role"] = role }
        if let email = contact.email { item["email"] = email }
        if let phone = contact.phone { item["phone"] = phone.written; item["tel_url"] = phone.telURL }
        return item
    }

    /// "PDF, 240 KB": what the reader is about to download.
    private static func documentContext(_ document: Hub.Document) -> [String: Any] {
        var item: [String: Any] = ["title": document.title, "url": document.href]
        let about = [document.kind, document.size.map(DocumentKind.size)].compactMap { $0 }
        if !about.isEmpty { item["about"] = about.joined(separator: ", ") }
        if document.size == nil { item["external"] = true }
        return item
    }

    /// When applications open and close: `starts` and `ends` are what site.js compares with the
    /// reader's clock (UK time), a whole day lasting until midnight.
    static func windowContext(opens: DateAndTime, closes: DateAndTime) -> [String: Any] {
        func moment(_ value: DateAndTime, wholeDayAt edge: String) -> [String: Any] {
            var item = dateContext(value.date)
            item["moment"] = value.minutes == nil ? value.date.iso + "T" + edge : value.iso
            if let time = value.timeText { item["time"] = time }
            return item
        }
        return ["opens": moment(opens, wholeDayAt: "00:00"), "closes": moment(closes, wholeDayAt: "24:00")]
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
                    if let closes = hub.applicationsClose { item["deadline"] = closes.text }
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
