/// One page of the site, built from one content file.
public struct Page: Sendable {
    public enum Kind: String, Sendable {
        /// `content/index.md`: the cohort's information sheet.
        case sheet
        /// Any other content file.
        case page
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
    /// Each link and image address as written into the HTML, with where the author wrote it:
    /// the link checker reports a broken link at its place in the Markdown.
    public var links: [String: LinkOrigin] = [:]
}

/// An address as the author wrote it in Markdown, and where.
public struct LinkOrigin: Hashable, Sendable {
    public var written: String
    public var location: SourceLocation
}
