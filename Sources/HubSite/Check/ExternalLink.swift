/// An address outside the site, with every page that links to it and where each link was written.
public struct ExternalLink: Sendable, Hashable {
    public var url: String
    /// Output paths, sorted.
    public var pages: [String] = []
    /// Sorted; the built page's line when the source is not known.
    public var places: [SourceLocation] = []

    public init(url: String, pages: [String] = [], places: [SourceLocation] = []) {
        self.url = url
        self.pages = pages
        self.places = places
    }
}

/// The ids of an HTML page: what a `#fragment` of a link to it can name.
public enum HTMLAnchors {
    public static func ids(in html: [UInt8]) -> Set<String> {
        var ids: Set<String> = []
        HTMLScanner.scan(html) { event in
            if case .tag(let tag) = event, !tag.isClosing, let id = tag.attributes["id"] { ids.insert(id) }
        }
        return ids
    }
}
