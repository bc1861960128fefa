/// A heading with a stable id and a link to itself, so any section can be shared by its address.
enum HeadingMarkup {
    /// The tags around the heading's own content: `<h2 id="…">` and ` <a class="self-link" …>#</a></h2>`.
    static func wrapper(level: Int, id: String, plainText: String) -> HeadingWrapper {
        let label = HTML.escape("Link to this section: \(plainText)")
        return HeadingWrapper(open: "<h\(level) id=\"\(id)\">",
                              close: " <a class=\"self-link\" href=\"#\(id)\" aria-label=\"\(label)\">#</a></h\(level)>")
    }
}
