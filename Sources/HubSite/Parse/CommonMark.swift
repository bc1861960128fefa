import CCmark
import Foundation

// The only file that touches cmark. Everything outside it sees Swift values: strings in,
// strings out, and the hooks below. Every parser, node and iterator made here is freed here.

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
    var level: Int
    var id: String
    var open: String
    var close: String
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

/// Replace the top-level blocks `range` (indices into the outline) by `html`.
struct BlockReplacement: Sendable {
    var range: ClosedRange<Int>
    var html: String
}

/// A line and byte column inside the Markdown handed to cmark, counted from 1.
struct SourcePosition: Hashable, Sendable {
    var line: Int
    var column: Int
}

/// What the rendered HTML holds that the link and structure check reads, in document order,
/// taken from the tree instead of re-reading the HTML: links, images, headings, text inside
/// links, and the markup the hooks added (heading ids, dates, the criteria table).
enum OutlinePiece: Sendable {
    /// HTML a hook added, with the place of what it stands for.
    case markup(String, SourcePosition)
    case link(url: String, SourcePosition)
    case linkEnd
    case image(url: String, alt: String, SourcePosition)
    /// A heading, with the id a hook's wrapper gave it (nil: as cmark renders it, without one).
    case heading(level: Int, id: String?, SourcePosition)
    /// The end of a heading, after its wrapper's link to itself.
    case headingEnd(level: Int, selfLinkTo: String?)
    /// Visible text inside a link: the link has a name.
    case text
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

/// The generator's passes over cmark's tree. Each has a do-nothing default, so that the
/// conformance test can switch them on one by one.
struct CommonMarkHooks {
    /// Runs of text (never code, never raw HTML): dates, variables. nil leaves the run as it is.
    var rewriteText: ((String, TextRunPositions) -> [InlinePiece]?)?
    /// When not empty, `rewriteText` only sees runs holding one of these ASCII characters: the others
    /// cannot change, and most text of most pages is never copied out of cmark.
    var textTriggers = ""
    /// Link and image destinations: site-absolute paths become relative ones.
    var rewriteURL: ((String, SourcePosition) -> String)?
    /// The document's top-level blocks: the criteria table replaces its two lists. The second
    /// argument renders the items of the list at an index ("" for an empty item).
    var replaceBlocks: (([BlockOutline], (Int) -> [String]) -> [BlockReplacement])?
    /// Every heading: returns the markup around its content (id and self-link), or nil to keep it.
    var renderHeading: ((HeadingOutline) -> HeadingWrapper?)?
}

enum CommonMark {
    /// Parses `markdown`, runs the hooks over its tree, and renders HTML.
    ///
    /// Raw HTML stays cmark's business: with `unsafeHTML` false it is replaced by
    /// `<!-- raw HTML omitted -->` and dangerous URLs are dropped. What the hooks add travels in
    /// custom nodes, which cmark always renders.
    static func renderHTML(_ markdown: String, unsafeHTML: Bool, hooks: CommonMarkHooks = CommonMarkHooks()) -> String {
        render(markdown, unsafeHTML: unsafeHTML, hooks: hooks, outline: false).html
    }

    /// `renderHTML`, and with `outline` the page's outline, nil when raw HTML is rendered as
    /// written: then only reading the HTML tells what it holds.
    static func render(_ markdown: String, unsafeHTML: Bool, hooks: CommonMarkHooks,
                       outline wantsOutline: Bool) -> (html: String, outline: [OutlinePiece]?) {
        let bytes = Array(markdown.utf8)
        // Pages of ordinary size are parsed into this thread's arena and let go of at once.
        let arena = bytes.count <= PageArena.largestPage ? PageArena.current : nil
        arena?.begin()
        defer {
            // Nothing of the page is used after this: the HTML has been copied into a String.
            arena?.end()
        }
        guard let document = parse(bytes, with: arena != nil ? PageArena.allocator : cmark_get_default_mem_allocator()) else {
            return ("", [])
        }
        defer { if arena == nil { cmark_node_free(document) } }
        // Nodes the hooks make have no place in the source: they take the place of what they replace.
        var origins: [OpaquePointer: NodeOrigin] = [:]

        let renderOptions = unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        // One walk before any change: changing a tree under an iterator is not allowed.
        var found = collect(in: document)
        if let rewriteText = hooks.rewriteText {
            // As C text once: handing a Swift string to strpbrk copies it on every call.
            let triggers = hooks.textTriggers.utf8CString
            for start in found.textRunStarts {
                rewriteRun(startingAt: start, triggers: triggers, with: rewriteText, origins: &origins)
            }
        }
        if let rewriteURL = hooks.rewriteURL {
            for node in found.links {
                let url = string(cmark_node_get_url(node))
                let rewritten = rewriteURL(url, position(of: node))
                if rewritten != url { cmark_node_set_url(node, rewritten) }
            }
        }
        // Top-level headings' text, read once for both passes below.
        var headingTexts: [OpaquePointer: String] = [:]
        if let replaceBlocks = hooks.replaceBlocks,
           replaceTopLevelBlocks(of: document, renderOptions: renderOptions, with: replaceBlocks, origins: &origins,
                                 headingTexts: &headingTexts) {
            // A replaced list may have held headings: look again, and trust no address kept from before.
            found.headings = collect(in: document).headings
            headingTexts = [:]
        }
        if let renderHeading = hooks.renderHeading {
            for node in found.headings {
                let outline = HeadingOutline(level: Int(cmark_node_get_heading_level(node)), plainText: headingTexts[node] ?? plainText(of: node),
                                             position: position(of: node))
                if let wrapper = renderHeading(outline) {
                    wrap(heading: node, in: wrapper, at: outline.position, origins: &origins)
                }
            }
        }
        let outline = wantsOutline ? self.outline(of: document, rawHTMLAsWritten: unsafeHTML, origins: origins) : nil
        guard let rendered = cmark_render_html(document, renderOptions) else { return ("", outline) }
        defer { release(rendered) }
        return (String(cString: rendered), outline)
    }

    /// The final tree's outline (see `OutlinePiece`), nil if raw HTML is rendered as written.
    private static func outline(of document: OpaquePointer, rawHTMLAsWritten: Bool,
                                origins: [OpaquePointer: NodeOrigin]) -> [OutlinePiece]? {
        var pieces: [OutlinePiece] = []
        guard let iterator = cmark_iter_new(document) else { return pieces }
        defer { cmark_iter_free(iterator) }
        var insideLink = 0
        var namedLink = false
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                // Without unsafe_html cmark writes a comment in its place.
                if rawHTMLAsWritten { return nil }
            case CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
                let origin = origins[node] ?? NodeOrigin(position: position(of: node))
                if let heading = origin.heading {
                    // Known without reading its markup: the heading and its id, then the link to itself.
                    pieces.append(entering ? .heading(level: heading.level, id: heading.id, origin.position)
                                           : .headingEnd(level: heading.level, selfLinkTo: heading.id))
                    continue
                }
                let markup = string(entering ? cmark_node_get_on_enter(node) : cmark_node_get_on_exit(node))
                if !markup.isEmpty { pieces.append(.markup(markup, origin.position)) }
            case CMARK_NODE_LINK:
                if entering {
                    pieces.append(.link(url: string(cmark_node_get_url(node)), position(of: node)))
                    insideLink += 1
                    namedLink = false
                } else {
                    pieces.append(.linkEnd)
                    insideLink -= 1
                }
            case CMARK_NODE_IMAGE:
                // Its text is its alt text, not text on the page: the walk skips it.
                pieces.append(.image(url: string(cmark_node_get_url(node)), alt: plainText(of: node, withRawHTML: true), position(of: node)))
                cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
            case CMARK_NODE_HEADING:
                let level = Int(cmark_node_get_heading_level(node))
                pieces.append(entering ? .heading(level: level, id: nil, position(of: node)) : .headingEnd(level: level, selfLinkTo: nil))
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if insideLink > 0, !namedLink, let literal = cmark_node_get_literal(node),
                   ByteSearch.holdsVisibleText(UnsafeRawBufferPointer(start: literal, count: strlen(literal)).bindMemory(to: UInt8.self)) {
                    pieces.append(.text)
                    namedLink = true
                }
            default:
                break
            }
        }
        return pieces
    }

    /// Where a node the hooks made stands in the source, and the heading it wraps, if it does.
    private struct NodeOrigin {
        var position: SourcePosition
        var heading: HeadingWrapper?
    }

    private static func parse(_ bytes: [UInt8], with allocator: UnsafeMutablePointer<cmark_mem>) -> OpaquePointer? {
        guard let parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, allocator) else { return nil }
        defer { cmark_parser_free(parser) }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        return cmark_parser_finish(parser)
    }

    // MARK: - Passes

    /// The nodes the passes work on, found in one walk.
    private struct Found {
        /// The first text node of each run: text nodes joined by soft breaks or split by cmark.
        var textRunStarts: [OpaquePointer] = []
        /// Links and images.
        var links: [OpaquePointer] = []
        var headings: [OpaquePointer] = []
    }

    private static func collect(in document: OpaquePointer) -> Found {
        var found = Found()
        guard let iterator = cmark_iter_new(document) else { return found }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT:
                if startsRun(node) { found.textRunStarts.append(node) }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                found.links.append(node)
            case CMARK_NODE_HEADING:
                found.headings.append(node)
            default:
                break
            }
        }
        return found
    }

    /// cmark splits text at characters that might have been markup and at line ends. A run
    /// joins text with its soft breaks ("\n", which renders exactly as a soft break does), so
    /// that a date written across a line break is seen whole. In image descriptions, where a
    /// soft break renders as a space, each text node is a run of its own.
    private static func startsRun(_ node: OpaquePointer) -> Bool {
        guard let previous = cmark_node_previous(node) else { return true }
        switch cmark_node_get_type(previous) {
        case CMARK_NODE_TEXT:
            return isInsideImage(node)
        case CMARK_NODE_SOFTBREAK:
            return cmark_node_get_type(cmark_node_previous(previous)) != CMARK_NODE_TEXT || isInsideImage(node)
        default:
            return true
        }
    }

    /// The node after `node` in its run, if any: a text node or a soft break between two.
    private static func nextInRun(after node: OpaquePointer) -> OpaquePointer? {
        guard let next = cmark_node_next(node) else { return nil }
        let type = cmark_node_get_type(next)
        guard type == CMARK_NODE_TEXT || (type == CMARK_NODE_SOFTBREAK && cmark_node_get_type(cmark_node_next(next)) == CMARK_NODE_TEXT) else { return nil }
        return next
    }

    /// Joins one run into its first node and hands it to the hook, unless no node of it holds a trigger byte.
    private static func rewriteRun(startingAt start: OpaquePointer, triggers: ContiguousArray<CChar>,
                                   with hook: (String, TextRunPositions) -> [InlinePiece]?,
                                   origins: inout [OpaquePointer: NodeOrigin]) {
        // In an image description each text node is a run of its own (see `startsRun`); a run
        // of one node needs no asking.
        let alone = nextInRun(after: start) != nil && isInsideImage(start)
        if triggers.count > 1 {
            var node: OpaquePointer? = start
            var triggered = false
            while let current = node, !triggered {
                // strpbrk: glibc's vectorised search; nearly all text has none of the bytes.
                triggered = cmark_node_get_literal(current).map { literal in
                    triggers.withUnsafeBufferPointer { strpbrk(literal, $0.baseAddress!) != nil }
                } ?? false
                node = alone ? nil : nextInRun(after: current)
            }
            guard triggered else { return }
        }
        var text = ""
        var positions = TextRunPositions(parts: [])
        var node: OpaquePointer? = start
        var joined = false
        while let current = node {
            node = alone ? nil : nextInRun(after: current)
            if cmark_node_get_type(current) == CMARK_NODE_SOFTBREAK {
                text += "\n"
            } else {
                positions.parts.append((text.utf8.count, position(of: current)))
                text += string(cmark_node_get_literal(current))
            }
            if current != start {
                cmark_node_free(current)
                joined = true
            }
        }
        // A replaced run's first node goes: only a run left as it is needs the joined text.
        if !rewrite(textNode: start, literal: text, positions: positions, with: hook, origins: &origins), joined {
            cmark_node_set_literal(start, text)
        }
    }

    /// Whether the hook's pieces replaced `node` (which is then freed).
    private static func rewrite(textNode node: OpaquePointer, literal: String, positions: TextRunPositions,
                                with hook: (String, TextRunPositions) -> [InlinePiece]?,
                                origins: inout [OpaquePointer: NodeOrigin]) -> Bool {
        guard let pieces = hook(literal, positions), pieces != [.text(literal)] else { return false }
        for piece in pieces {
            switch piece {
            case .text(let text):
                guard !text.isEmpty, let new = newNode(CMARK_NODE_TEXT) else { continue }
                cmark_node_set_literal(new, text)
                cmark_node_insert_before(node, new)
            case .wrapped(let open, let text, let close):
                guard let wrapper = newNode(CMARK_NODE_CUSTOM_INLINE) else { continue }
                origins[wrapper] = NodeOrigin(position: positions.position(atByte: 0))
                cmark_node_set_on_enter(wrapper, open)
                cmark_node_set_on_exit(wrapper, close)
                if let inner = newNode(CMARK_NODE_TEXT) {
                    cmark_node_set_literal(inner, text)
                    cmark_node_append_child(wrapper, inner)
                }
                cmark_node_insert_before(node, wrapper)
            }
        }
        cmark_node_free(node)
        return true
    }

    /// Whether any block was replaced.
    private static func replaceTopLevelBlocks(
        of document: OpaquePointer, renderOptions: Int32, with hook: ([BlockOutline], (Int) -> [String]) -> [BlockReplacement],
        origins: inout [OpaquePointer: NodeOrigin], headingTexts: inout [OpaquePointer: String]
    ) -> Bool {
        var blocks: [OpaquePointer] = []
        var child = cmark_node_first_child(document)
        while let node = child {
            blocks.append(node)
            child = cmark_node_next(node)
        }
        let outline = blocks.map { node -> BlockOutline in
            let kind: BlockOutline.Kind
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                let text = plainText(of: node)
                headingTexts[node] = text
                kind = .heading(level: Int(cmark_node_get_heading_level(node)), text: text)
            case CMARK_NODE_LIST:
                var count = 0
                var item = cmark_node_first_child(node)
                while let current = item {
                    count += 1
                    item = cmark_node_next(current)
                }
                kind = .list(count: count)
            default:
                kind = .other
            }
            return BlockOutline(kind: kind, position: position(of: node))
        }
        // Later ranges first, so that earlier indices stay valid; overlapping ranges are ignored.
        var freed = IndexSet()
        let items = { (index: Int) -> [String] in
            guard blocks.indices.contains(index), cmark_node_get_type(blocks[index]) == CMARK_NODE_LIST else { return [] }
            var items: [String] = []
            var item = cmark_node_first_child(blocks[index])
            while let current = item {
                items.append(innerHTML(of: current, tag: "li", renderOptions: renderOptions))
                item = cmark_node_next(current)
            }
            return items
        }
        for replacement in hook(outline, items).sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            let range = replacement.range
            guard range.lowerBound >= 0, range.upperBound < blocks.count,
                  !freed.intersects(integersIn: range.lowerBound..<(range.upperBound + 1)) else { continue }
            guard let block = newNode(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            origins[block] = NodeOrigin(position: position(of: blocks[range.lowerBound]))
            cmark_node_set_on_enter(block, replacement.html)
            cmark_node_insert_before(blocks[range.lowerBound], block)
            for index in range { cmark_node_free(blocks[index]) }
            freed.insert(integersIn: range.lowerBound..<(range.upperBound + 1))
        }
        return !freed.isEmpty
    }

    /// The heading's content moves, unrendered, into an inline wrapper that carries the new
    /// tags, inside a block that ends the line as cmark's heading did.
    private static func wrap(heading node: OpaquePointer, in wrapper: HeadingWrapper, at position: SourcePosition,
                             origins: inout [OpaquePointer: NodeOrigin]) {
        guard let block = newNode(CMARK_NODE_CUSTOM_BLOCK), let inline = newNode(CMARK_NODE_CUSTOM_INLINE) else { return }
        origins[inline] = NodeOrigin(position: position, heading: wrapper)
        cmark_node_set_on_enter(inline, wrapper.open)
        cmark_node_set_on_exit(inline, wrapper.close)
        while let child = cmark_node_first_child(node) {
            cmark_node_append_child(inline, child)
        }
        cmark_node_append_child(block, inline)
        cmark_node_insert_before(node, block)
        cmark_node_free(node)
    }

    // MARK: - Reading nodes

    /// The text a reader sees: literal text and code, breaks as spaces. An image's alt text, as
    /// cmark writes it, also holds the raw HTML inside the image's description.
    private static func plainText(of root: OpaquePointer, withRawHTML: Bool = false) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(root) else { return text }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                if type == CMARK_NODE_HTML_INLINE, !withRawHTML { continue }
                // Joined text keeps its line breaks; a reader sees a space.
                let literal = string(cmark_node_get_literal(node))
                text += literal.utf8.contains(10) ? String(literal.map { $0 == "\n" ? " " : $0 }) : literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    /// The node rendered by cmark, without its own `<tag>` … `</tag>` and surrounding newlines.
    private static func innerHTML(of node: OpaquePointer, tag: String, renderOptions: Int32) -> String {
        guard let rendered = cmark_render_html(node, renderOptions) else { return "" }
        defer { release(rendered) }
        var html = Substring(String(cString: rendered))
        if html.hasPrefix("<\(tag)>") { html = html.dropFirst(tag.utf8.count + 2) }
        while html.last == "\n" { html = html.dropLast() }
        if html.hasSuffix("</\(tag)>") { html = html.dropLast(tag.utf8.count + 3) }
        while html.first == "\n" { html = html.dropFirst() }
        return String(html)
    }

    /// A node from the allocator the page was parsed with, so that it goes when the page goes.
    private static func newNode(_ type: cmark_node_type) -> OpaquePointer? {
        cmark_node_new_with_mem(type, PageArena.current.inUse ? PageArena.allocator : cmark_get_default_mem_allocator())
    }

    /// Gives back HTML cmark rendered: to the arena (nothing to do) or to malloc.
    private static func release(_ rendered: UnsafeMutablePointer<CChar>) {
        if !PageArena.current.inUse { free(rendered) }
    }

    private static func isInsideImage(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            if cmark_node_get_type(current) == CMARK_NODE_IMAGE { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }

    private static func position(of node: OpaquePointer) -> SourcePosition {
        SourcePosition(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

/// Memory for one page's cmark tree, per thread. cmark makes and frees thousands of small nodes
/// and buffers per page, and malloc and free were a third of its time; here each allocation moves
/// a pointer, nothing is freed one by one, and the whole page is let go of at its end. A page
/// above `largestPage` uses malloc, so that memory never holds more than one ordinary page's worth.
private final class PageArena {
    static let largestPage = 1 << 20
    private static let chunkSize = 256 << 10
    /// Chunks kept between pages; more are given back.
    private static let chunksKept = 8
    /// Each allocation starts with its size, for realloc; 16 bytes keep what follows aligned.
    private static let header = 16

    private var chunks: [UnsafeMutableRawPointer] = []
    private var chunk = 0
    private var offset = 0
    private var large: [UnsafeMutableRawPointer] = []
    private var last: UnsafeMutableRawPointer?
    private(set) var inUse = false

    // MARK: - This thread's arena

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { if let arena = $0 { Unmanaged<PageArena>.fromOpaque(arena).release() } }
        return key
    }()

    static var current: PageArena {
        if let stored = pthread_getspecific(key) { return Unmanaged<PageArena>.fromOpaque(stored).takeUnretainedValue() }
        let arena = PageArena()
        pthread_setspecific(key, Unmanaged.passRetained(arena).toOpaque())
        return arena
    }

    /// cmark's view: three C functions that find this thread's arena.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let allocator = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        allocator.initialize(to: cmark_mem(
            calloc: { count, size in
                let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
                return overflow ? nil : PageArena.current.allocate(bytes, zeroed: true)
            },
            realloc: { pointer, size in PageArena.current.reallocate(pointer, size) },
            free: { _ in }))
        return allocator
    }()

    deinit {
        for block in chunks + large { free(block) }
    }

    func begin() {
        inUse = true
    }

    func end() {
        for block in large { free(block) }
        large.removeAll(keepingCapacity: true)
        while chunks.count > Self.chunksKept { free(chunks.removeLast()) }
        chunk = 0
        offset = 0
        last = nil
        inUse = false
    }

    // MARK: - Allocation

    private func allocate(_ size: Int, zeroed: Bool) -> UnsafeMutableRawPointer? {
        let total = (size + Self.header + 15) & ~15
        let block: UnsafeMutableRawPointer
        if total > Self.chunkSize / 4 {
            guard let own = malloc(total) else { return nil }
            large.append(own)
            block = own
            last = nil
        } else {
            if chunks.isEmpty || offset + total > Self.chunkSize {
                if !chunks.isEmpty { chunk += 1 }
                if chunk == chunks.count {
                    guard let new = malloc(Self.chunkSize) else { return nil }
                    chunks.append(new)
                }
                offset = 0
            }
            block = chunks[chunk] + offset
            offset += total
            last = block + Self.header
        }
        block.storeBytes(of: size, as: Int.self)
        let memory = block + Self.header
        if zeroed { memset(memory, 0, size) }
        return memory
    }

    private func reallocate(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
        guard let pointer else { return allocate(size, zeroed: false) }
        let block = pointer - Self.header
        let old = block.load(as: Int.self)
        if size <= old { return pointer }
        // The last allocation of the chunk grows where it is when the chunk has room.
        if pointer == last {
            let start = chunks[chunk].distance(to: block)
            let total = (size + Self.header + 15) & ~15
            if start + total <= Self.chunkSize, total <= Self.chunkSize / 4 {
                offset = start + total
                block.storeBytes(of: size, as: Int.self)
                return pointer
            }
        }
        guard let moved = allocate(size, zeroed: false) else { return nil }
        memcpy(moved, pointer, old)
        return moved
    }
}
