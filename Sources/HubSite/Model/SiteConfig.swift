import Foundation

/// `site.yml`: what the whole site shares.
public struct SiteConfig: Hashable, Sendable {
    public var title: String
    public var language: String
    /// `https://example.org/cpd/mastery/` with a final slash; only for sitemap and canonical links.
    public var baseURL: String?
    /// Lets raw HTML in Markdown through. Off by default: cmark then drops it.
    public var unsafeHTML: Bool
    public var publisher: String
    public var cohort: Cohort
    /// When the site says it was made (calendars).
    public var stamp: BuildStamp
    /// The programme's application form (`application_url`): shown while the window is open.
    public var applicationURL: String?
    /// `site_id` as written: what makes this site's calendar events its own.
    public var siteID: String?

    /// The right-hand side of every calendar UID: `site_id`, else base_url's host and path
    /// (`www.example.org-cpd-mastery`), else the title's slug. Two sites never share one
    /// unless they share an address or a title, and none changes from build to build.
    public var calendarDomain: String {
        if let siteID { return siteID }
        if let base = baseURL, let url = URLComponents(string: base), let host = url.host?.lowercased() {
            let path = url.path.split(separator: "/").map { SlugMaker.slug(String($0)) }.filter { !$0.isEmpty }
            return ([host] + path).joined(separator: "-")
        }
        return SlugMaker.slug(title) + ".hubsite"
    }

    /// The values content may use as `{{name}}`.
    public var variables: [String: String] {
        [
            "site.title": title,
            "site.publisher": publisher,
            "cohort.number": String(cohort.number),
            "cohort.ordinal": cohort.ordinalWord,
            "cohort.ordinal_with_article": cohort.ordinalWithArticle,
            "cohort.year1": cohort.year1,
            "cohort.year2": cohort.year2,
            "cohort.start_year": String(cohort.firstYear),
            "cohort.end_year": String(cohort.firstYear + 2),
            "cohort.applications_open": cohort.applicationsOpen.text,
            "cohort.applications_close": cohort.applicationsClose.text,
        ]
    }
}
