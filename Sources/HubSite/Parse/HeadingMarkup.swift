/// A heading with a stable id and a link to itself, so any section can be shared by its address.
enum HeadingMarkup {
    static func html(level: Int, id: String, innerHTML: String, plainText: String) -> String {
        let label = HTML.escape("Link to this section: \(plainText)")
        return "<h\(level) id=\"\(id)\">\(innerHTML) <a class=\"self-link\" href=\"#\(id)\" aria-label=\"\(label)\">#</a></h\(level)>"
    }
}
