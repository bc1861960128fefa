/// Where the templates and the hubs' front matter wrote what the built pages hold, for the
/// tags the Markdown stage did not place: recorded as they were read. A failed build leaves no
/// built page to open, so a message must name the source.
struct SourcePlaces: Sendable {
    /// Looked up only for a problem.
    var templates: TemplatePlaces
    /// Output path → the addresses its front matter gave (a hub's documents and booking links),
    /// for the page being read.
    var frontMatter: [String: [String: LinkOrigin]] = [:]

    /// Where `value`, met in a template's part of a page whose root is `root`, was written, and how.
    func locate(_ value: String, root: String) -> (location: SourceLocation, written: String)? {
        templates.locate(value, root: root)
    }
}
