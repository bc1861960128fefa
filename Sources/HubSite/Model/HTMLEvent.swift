/// What the checker reads of a page's HTML, tag by tag: made by the Markdown stage as it writes
/// a body, and by `HTMLScanner` from HTML that nothing else knows.
extension HTML {
    struct Tag: Sendable {
        /// Lowercased.
        var name: String
        var attributes: Attributes
        var isClosing: Bool
        /// Line in the HTML file, from 1.
        var line: Int
        /// Its "<", in bytes from the line's start, from 1.
        var column: Int
        /// The address as the Markdown wrote it (`/hubs/`), when hubsite rewrote it (`../hubs/index.html`):
        /// set by the Markdown stage, which makes the tags of a body without HTML to read.
        var written: String? = nil
        /// The address holds a mistake already reported (an unknown variable): it is not
        /// followed, so that one mistake makes one error.
        var isReported = false
    }

    /// A tag's attributes that the scan keeps, names lowercased, values with their character references decoded.
    /// A list, not a dictionary: tags have a handful, and most have none.
    struct Attributes: Sendable {
        var list: [Attribute] = []

        subscript(name: String) -> String? {
            attribute(name)?.value
        }

        func attribute(_ name: String) -> Attribute? {
            list.first { $0.name == name }
        }
    }

    struct Attribute: Sendable {
        var name: String
        var value: String
        /// The value as written, when it holds a character reference (`key&#45;dates.ics`).
        var written: String?
        /// Where the value starts.
        var line: Int
        var column: Int
    }

    enum Event: Sendable {
        case tag(Tag)
        /// Text that is not only white space (what it says does not matter to the checker).
        case text
    }
}
