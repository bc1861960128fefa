// The Swift-facing side of the cmark boundary: what the passes are told and what they answer.

/// What a text hook turns one run of text into.
enum InlinePiece: Equatable, Sendable {
    case text(String)
    /// `text` wrapped in raw markup, e.g. `<time datetime="…">` … `</time>`.
    case wrapped(open: String, text: String, close: String)
}

/// A heading, handed to the heading hook.
struct HeadingOutline: Sendable {
    var level: Int
    var plainText: String
    var position: SourcePosition
}

/// Markup around a heading's rendered content: it replaces cmark's own `<hN>` and `</hN>`.
/// `open` gives the heading `id`; `close` ends it after a link to `#id` named by its label.
struct HeadingWrapper: Sendable, Equatable {
    var open: String
    var close: String
}

/// Where a link or image leads, and its title ("" when it has none).
struct LinkTarget: Equatable, Sendable {
    var url: String
    var title: String
    /// Set by the link hook when the address holds a mistake it has reported.
    var isReported = false
}

/// A top-level block as the block hook sees it.
struct BlockOutline: Sendable {
    enum Kind: Sendable, Equatable {
        case heading(level: Int, text: String)
        /// A list of `count` items; the hook asks for their HTML only when it needs it.
        case list(count: Int)
        case other
    }
    var kind: Kind
    var position: SourcePosition
}

/// Replace the top-level blocks `range` (indices into the outline) by `html`, whose events
/// (CommonMark+Events.swift) are `events`.
struct BlockReplacement: Sendable {
    var range: ClosedRange<Int>
    var html: String
    var events: [HTML.Event] = []
}

/// A list item as the block hook sees it: its content's HTML, without `<li>`, and its events.
struct ListItem: Sendable {
    var html: String
    var events: [HTML.Event]
}

/// A line and byte column inside the Markdown handed to cmark, counted from 1.
struct SourcePosition: Hashable, Sendable {
    var line: Int
    var column: Int
}

/// Where each part of a run of text was written. cmark splits text at line breaks and at
/// characters that might have been markup; the run joins them, and this maps a byte offset in
/// the joined text back to the line and column an editor sees.
struct TextRunPositions: Sendable {
    /// Byte offset in the run where a part starts, and where that part stands in the source; ascending.
    var parts: [(offset: Int, position: SourcePosition)]

    func position(atByte offset: Int) -> SourcePosition {
        guard let part = parts.last(where: { $0.offset <= offset }) ?? parts.first else {
            return SourcePosition(line: 1, column: 1)
        }
        return SourcePosition(line: part.position.line, column: part.position.column + max(0, offset - part.offset))
    }
}

/// A set of bytes, asked of every byte of every page's text: a table, so that each question is
/// one look-up (a `Set<UInt8>` hashes each byte, a tenth of a 10,000-page build).
struct ByteTable {
    private var members = [Bool](repeating: false, count: 256)
    private(set) var isEmpty = true

    init(_ characters: String) {
        for byte in characters.utf8 { members[Int(byte)] = true; isEmpty = false }
    }

    func contains(_ byte: UInt8) -> Bool { members[Int(byte)] }
}

/// What cmark parsed that an editor may not expect: the stage warns about it.
enum ParsedNotice: Sendable, Equatable {
    /// Raw HTML as written (an opening tag, or a block): cmark leaves it out unless unsafe HTML is on.
    case rawHTML(String, SourcePosition)
    /// An image, with its alt text and title as written.
    case image(url: String, alt: String, title: String, SourcePosition)
    /// A paragraph's first line, as written, when it starts with "|".
    case pipeLine(String, SourcePosition)
}

/// The generator's passes over cmark's tree. Each has a do-nothing default, so that the
/// conformance test can switch them on one by one.
struct CommonMarkHooks {
    /// Runs of text (never code, never raw HTML): dates, variables. nil leaves the run as it is.
    var rewriteText: ((String, TextRunPositions) -> [InlinePiece]?)?
    /// When not empty, `rewriteText` only sees runs holding one of these ASCII characters: the others
    /// cannot change, and most text of most pages is never copied out of cmark.
    var textTriggers = ""
    /// Link and image destinations and titles (a reference's too, as cmark copies it into each
    /// link): variables replaced, site-absolute paths made relative.
    var rewriteLink: ((LinkTarget, SourcePosition) -> LinkTarget)?
    /// The document's top-level blocks: the criteria table replaces its two lists. The second
    /// argument renders the items of the list at an index ("" for an empty item).
    var replaceBlocks: (([BlockOutline], (Int) -> [ListItem]) -> [BlockReplacement])?
    /// Every heading: returns the markup around its content (id and self-link), or nil to keep it.
    var renderHeading: ((HeadingOutline) -> HeadingWrapper?)?
    /// Told, before any pass changes the tree, of what the stage warns about.
    var notice: ((ParsedNotice) -> Void)?
}
