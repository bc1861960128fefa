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
    /// When the site says it was made (calendars, past events).
    public var stamp: BuildStamp

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
            "cohort.applications_open": cohort.applicationsOpen.text,
            "cohort.applications_close": cohort.applicationsClose.text,
        ]
    }
}
