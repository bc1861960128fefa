import Foundation

/// Every name a template may use: the contexts of a sample site in which every optional fact is
/// written (a hub with contacts, documents, its own window and events; base_url; an application
/// form; an archive), merged. Made from `PageContext` itself, so it cannot drift from it.
enum TemplateVocabulary {
    static let shape: ContextShape = {
        let site = sampleSite()
        var shape = ContextShape.value
        for page in site.pages + [HubFinder.defaultPage] {
            shape = shape.merged(with: ContextShape(of: PageContext.make(page: page, site: site, root: "../", inlineCSS: "body {}")))
        }
        // What the archived sheet (SiteBuilder+Archive.swift) adds to the sheet's; and a window
        // with times, as a hub's has, since one partial shows both the hub's and the programme's.
        let timed = DateAndTime(date: site.config.cohort.applicationsOpen, minutes: 540)
        return shape.merged(with: ContextShape(of: [
            "archived": ["number": 11, "year1": "2026/27", "year2": "2027/28"],
            "window": PageContext.windowContext(opens: timed, closes: timed),
        ]))
    }()

    private static func sampleSite() -> Site {
        let day = CalendarDate(year: 2026, month: 1, day: 14)!
        let cohort = Cohort(number: 11, firstYear: 2026, applicationsOpen: CalendarDate(year: 2025, month: 12, day: 16)!,
                            applicationsClose: CalendarDate(year: 2026, month: 4, day: 23)!)
        var config = SiteConfig(title: "T", language: "en-GB", baseURL: "https://example.org/", unsafeHTML: false, publisher: "P",
                                cohort: cohort, stamp: BuildStamp(day: cohort.applicationsOpen))
        config.applicationURL = "https://example.org/apply"
        let here = SourceLocation(file: "content/hubs/sample.md")
        let hub = Hub(slug: "sample", name: "H", nameLocation: here, region: .london, website: "https://example.org/", areas: ["A"],
                      contacts: [Hub.Contact(name: "N", role: "R", email: "e@example.org", phone: PhoneNumber("01234 567890"))],
                      documents: [Hub.Document(title: "D", href: "d.pdf", kind: "PDF", size: 1),
                                  Hub.Document(title: "U", href: "https://example.org/u", kind: nil, size: nil)],
                      applyURL: "https://example.org/apply", applicationsOpen: DateAndTime(date: cohort.applicationsOpen, minutes: 540),
                      applicationsClose: DateAndTime(date: cohort.applicationsClose, minutes: 1020),
                      events: [Hub.Event(date: day, title: "E", time: "4pm", clock: EventTime(start: 960, end: nil), place: "P",
                                         bookingURL: "https://example.org/b", isOnline: true, id: nil, location: here)])
        let body = RenderedMarkdown(html: "<p>x</p>", tableOfContents: [TableOfContentsEntry(id: "a", text: "A"), TableOfContentsEntry(id: "b", text: "B")],
                                    criteria: nil, dates: [])
        let pages = [
            Page(kind: .sheet, source: "content/index.md", title: "S", description: "D", template: "sheet", urlPath: "", body: body),
            Page(kind: .hub, source: here.file, title: "H", description: "D", template: "hub", urlPath: "hubs/sample/", body: body, hub: hub),
            Page(kind: .page, source: "content/page.md", title: "P", description: "D", template: "page", urlPath: "page/", body: body),
        ]
        return Site(config: config, pages: pages, archives: [ArchivedCohort(number: 10, path: "archive/cohort-10/index.html")])
    }
}
