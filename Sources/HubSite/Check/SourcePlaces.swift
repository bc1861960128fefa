/// Where the templates and the hubs' front matter wrote what the built pages hold, for the
/// tags the Markdown stage did not place: recorded as they were read, looked up only for a
/// problem. A failed build leaves no built page to open, so a message must name the source.
struct SourcePlaces: Sendable {
    var templates: TemplatePlaces
    /// Output path → the addresses its front matter gave: a hub's documents and booking links.
    var frontMatter: [String: [String: LinkOrigin]] = [:]

    /// Where `value`, met in the built `page` whose root is `root`, was written, and how.
    func locate(_ value: String, page: String, root: String) -> (location: SourceLocation, written: String)? {
        if let origin = frontMatter[page]?[value] { return (origin.location, origin.written) }
        return templates.locate(value, root: root)
    }
}
