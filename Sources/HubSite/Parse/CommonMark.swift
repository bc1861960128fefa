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

/// A heading, handed to the heading hook with its content already rendered.
struct HeadingOutline: Sendable {
    var level: Int
    var plainText: String
    var innerHTML: String
    var position: SourcePosition
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
    /// Runs of text (never code, never raw HTML): dates, variables.
    var rewriteText: ((String, TextRunPositions) -> [InlinePiece])?
    /// Link and image destinations: site-absolute paths become relative ones.
    var rewriteURL: ((String, SourcePosition) -> String)?
    /// The document's top-level blocks: the criteria table replaces its two lists. The second
    /// argument renders the items of the list at an index ("" for an empty item).
    var replaceBlocks: (([BlockOutline], (Int) -> [String]) -> [BlockReplacement])?
    /// Every heading: returns the full HTML that replaces it (id and self-link), or nil to keep it.
    var renderHeading: ((HeadingOutline) -> String?)?
}

enum CommonMark {
    /// Parses `markdown`, runs the hooks over its tree, and renders HTML.
    ///
    /// Raw HTML stays cmark's business: with `unsafeHTML` false it is replaced by
    /// `<!-- raw HTML omitted -->` and dangerous URLs are dropped. What the hooks add travels in
    /// custom nodes, which cmark always renders.
    static func renderHTML(_ markdown: String, unsafeHTML: Bool, hooks: CommonMarkHooks = CommonMarkHooks()) -> String {
        let bytes = Array(markdown.utf8)
        let document: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, CMARK_OPT_SOURCEPOS)
                }
            } ?? cmark_parse_document("", 0, CMARK_OPT_SOURCEPOS)
        }
        guard let document else { return "" }
        defer { cmark_node_free(document) }

        let renderOptions = unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        if let rewriteText = hooks.rewriteText {
            let runs = mergeTextRuns(in: document)
            for node in nodes(in: document, ofType: CMARK_NODE_TEXT) where cmark_node_parent(node) != nil {
                let positions = runs[node] ?? TextRunPositions(parts: [(0, position(of: node))])
                rewrite(textNode: node, positions: positions, with: rewriteText)
            }
        }
        if let rewriteURL = hooks.rewriteURL {
            for node in nodes(in: document, ofType: CMARK_NODE_LINK) + nodes(in: document, ofType: CMARK_NODE_IMAGE) {
                let url = string(cmark_node_get_url(node))
                let rewritten = rewriteURL(url, position(of: node))
                if rewritten != url { cmark_node_set_url(node, rewritten) }
            }
        }
        if let replaceBlocks = hooks.replaceBlocks {
            replaceTopLevelBlocks(of: document, renderOptions: renderOptions, with: replaceBlocks)
        }
        if let renderHeading = hooks.renderHeading {
            for node in nodes(in: document, ofType: CMARK_NODE_HEADING) {
                let level = Int(cmark_node_get_heading_level(node))
                let outline = HeadingOutline(
                    level: level,
                    plainText: plainText(of: node),
                    innerHTML: innerHTML(of: node, tag: "h\(level)", renderOptions: renderOptions),
                    position: position(of: node)
                )
                if let html = renderHeading(outline) {
                    replace(node, byBlockHTML: html)
                }
            }
        }
        guard let rendered = cmark_render_html(document, renderOptions) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    // MARK: - Passes

    /// cmark splits text at characters that might have been markup and at line ends. Joining
    /// text with its soft breaks ("\n", which renders exactly as a soft break does) lets a date
    /// written across a line break be seen whole. Image descriptions are left alone: there a
    /// soft break renders as a space.
    private static func mergeTextRuns(in document: OpaquePointer) -> [OpaquePointer: TextRunPositions] {
        var runs: [OpaquePointer: TextRunPositions] = [:]
        var merged: Set<OpaquePointer> = []
        for node in nodes(in: document, ofType: CMARK_NODE_TEXT) where !merged.contains(node) {
            guard !isInsideImage(node), cmark_node_get_type(cmark_node_previous(node)) != CMARK_NODE_TEXT else { continue }
            var text = string(cmark_node_get_literal(node))
            var positions = TextRunPositions(parts: [(0, position(of: node))])
            var joined = false
            while let next = cmark_node_next(node) {
                let type = cmark_node_get_type(next)
                if type == CMARK_NODE_TEXT {
                    positions.parts.append((text.utf8.count, position(of: next)))
                    text += string(cmark_node_get_literal(next))
                } else if type == CMARK_NODE_SOFTBREAK, cmark_node_get_type(cmark_node_next(next)) == CMARK_NODE_TEXT {
                    text += "\n"
                } else {
                    break
                }
                merged.insert(next)
                cmark_node_free(next)
                joined = true
            }
            if joined {
                cmark_node_set_literal(node, text)
                runs[node] = positions
            }
        }
        return runs
    }

    private static func rewrite(textNode node: OpaquePointer, positions: TextRunPositions,
                                with hook: (String, TextRunPositions) -> [InlinePiece]) {
        let literal = string(cmark_node_get_literal(node))
        let pieces = hook(literal, positions)
        if pieces == [.text(literal)] { return }
        for piece in pieces {
            switch piece {
            case .text(let text):
                guard !text.isEmpty, let new = cmark_node_new(CMARK_NODE_TEXT) else { continue }
                cmark_node_set_literal(new, text)
                cmark_node_insert_before(node, new)
            case .wrapped(let open, let text, let close):
                guard let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
                cmark_node_set_on_enter(wrapper, open)
                cmark_node_set_on_exit(wrapper, close)
                if let inner = cmark_node_new(CMARK_NODE_TEXT) {
                    cmark_node_set_literal(inner, text)
                    cmark_node_append_child(wrapper, inner)
                }
                cmark_node_insert_before(node, wrapper)
            }
        }
        cmark_node_free(node)
    }

    private static func replaceTopLevelBlocks(
        of document: OpaquePointer, renderOptions: Int32, with hook: ([BlockOutline], (Int) -> [String]) -> [BlockReplacement]
    ) {
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
                kind = .heading(level: Int(cmark_node_get_heading_level(node)), text: plainText(of: node))
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
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(block, replacement.html)
            cmark_node_insert_before(blocks[range.lowerBound], block)
            for index in range { cmark_node_free(blocks[index]) }
            freed.insert(integersIn: range.lowerBound..<(range.upperBound + 1))
        }
    }

    private static func replace(_ node: OpaquePointer, byBlockHTML html: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, html)
        cmark_node_insert_before(node, block)
        cmark_node_free(node)
    }

    // MARK: - Reading nodes

    /// All nodes of one type, collected before any is changed (changing a tree under an
    /// iterator is not allowed).
    private static func nodes(in root: OpaquePointer, ofType type: cmark_node_type) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return found }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == type {
                found.append(node)
            }
        }
        return found
    }

    /// The text a reader sees: literal text and code, breaks as spaces.
    private static func plainText(of root: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(root) else { return text }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
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
        defer { free(rendered) }
        var html = Substring(String(cString: rendered))
        if html.hasPrefix("<\(tag)>") { html = html.dropFirst(tag.utf8.count + 2) }
        while html.last == "\n" { html = html.dropLast() }
        if html.hasSuffix("</\(tag)>") { html = html.dropLast(tag.utf8.count + 3) }
        while html.first == "\n" { html = html.dropFirst() }
        return String(html)
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
