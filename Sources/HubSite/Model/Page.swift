/// One page of the site, built from one content file.
public struct Page: Sendable {
    public enum Kind: String, Sendable {
        /// `content/index.md`: the cohort's information sheet.
        case sheet
        /// `content/hubs/SLUG.md`: one Maths Hub.
        case hub
        /// `hubs/`: the hub finder (`content/hubs/index.md` may give its title and introduction).
        case hubFinder
        /// Any other content file.
        case page

        /// What a content file at `urlPath` is.
        static func of(urlPath: String) -> Kind {
            if urlPath.isEmpty { return .sheet }
            if urlPath == "hubs/" { return .hubFinder }
            if urlPath.hasPrefix("hubs/"), urlPath.split(separator: "/").count == 2 { return .hub }
            return .page
        }

        var defaultTemplate: String {
            switch self {
            case .sheet: return "sheet"
            case .hub: return "hub"
            case .hubFinder: return "hubs"
            case .page: return "page"
            }
        }
    }

    public var kind: Kind
    /// `content/accessibility.md`
    public var source: String
    public var title: String
    public var description: String?
    /// Template name without extension, e.g. `page`.
    public var template: String
    /// Folder of the page in the built site, "" for the home page, else ending in "/".
    public var urlPath: String
    public var body: RenderedMarkdown
    /// The hub's facts, for `.hub` pages.
    public var hub: Hub?
    /// `draft: true`: previewed, never published, listed or put in the sitemap.
    public var isDraft = false
    /// Old addresses of the page (`aliases:`), each written as a redirect page.
    public var aliases: [Alias] = []

    /// How many folders below the site's root the page's `index.html` sits.
    var depth: Int { URLPathDepth.of(urlPath) }
}

/// A `##` heading, for the table of contents.
public struct TableOfContentsEntry: Hashable, Sendable {
    public var id: String
    public var text: String
}

/// The criteria table, read from the `### Essential` and `### Desirable` lists.
public struct Criteria: Hashable, Sendable {
    /// Row by row; "" where a list has no item (or an empty one) for that row. HTML.
    public var rows: [(essential: String, desirable: String)] { zip(essential, desirable).map { ($0, $1) } }
    public var essential: [String]
    public var desirable: [String]

    init(essential: [String], desirable: [String]) {
        let count = max(essential.count, desirable.count)
        self.essential = essential + Array(repeating: "", count: count - essential.count)
        self.desirable = desirable + Array(repeating: "", count: count - desirable.count)
    }
}

/// A Markdown body after cmark and the generator's passes.
public struct RenderedMarkdown: Sendable {
    public var html: String
    public var tableOfContents: [TableOfContentsEntry]
    public var criteria: Criteria?
    /// Every date written in the text, in order.
    public var dates: [CalendarDate]
    /// The links, images, ids, headings and text of `html`, in order, each tag at the line and
    /// column of this page's source file where it was written: the checker's facts about the body.
    var events: [HTML.Event] = []

    /// No body: a page made without Markdown, or whose Markdown is not read yet.
    static let empty = RenderedMarkdown(html: "", tableOfContents: [], criteria: nil, dates: [])

    /// What is kept of a body once its page is written and read, whatever the build is for:
    /// its contents, criteria and dates, without the HTML and events.
    var withoutHTML: RenderedMarkdown {
        RenderedMarkdown(html: "", tableOfContents: tableOfContents, criteria: criteria, dates: dates)
    }
}

/// An address as the author wrote it in front matter, and where.
public struct LinkOrigin: Hashable, Sendable {
    public var written: String
    public var location: SourceLocation
}
