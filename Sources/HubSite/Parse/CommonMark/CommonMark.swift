import CCmark
import Foundation

// cmark is touched only in this folder. Everything outside it sees Swift values: strings in,
// strings out, and the hooks of CommonMarkHooks.swift. Every parser, node, iterator and rendered
// string made here is freed here. This file is the boundary: parse, run the passes, render, free.
// The passes that change the tree each have a file: text runs, top-level blocks, headings.

enum CommonMark {
    /// Parses `markdown`, runs the hooks over its tree, and renders HTML.
    static func renderHTML(_ markdown: String, unsafeHTML: Bool, hooks: CommonMarkHooks = CommonMarkHooks()) -> String {
        render(markdown, unsafeHTML: unsafeHTML, hooks: hooks).html
    }

    /// Parses `markdown`, runs the hooks over its tree, and renders HTML, with the events of
    /// that HTML (CommonMark+Events.swift) each placed where the Markdown wrote it.
    ///
    /// Raw HTML stays cmark's business: with `unsafeHTML` false it is replaced by
    /// `<!-- raw HTML omitted -->` and dangerous URLs are dropped. What the hooks add travels in
    /// custom nodes, which cmark always renders.
    static func render(_ markdown: String, unsafeHTML: Bool, hooks: CommonMarkHooks = CommonMarkHooks()) -> (html: String, events: [HTML.Event]) {
        guard let document = parse(markdown) else { return ("", []) }
        defer { cmark_node_free(document) }
        let renderOptions = unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        var annotations = Annotations()
        // One walk before any change: changing a tree under an iterator is not allowed.
        var found = collect(in: document)
        if let notice = hooks.notice { found.notices.forEach(notice) }
        if let rewriteText = hooks.rewriteText {
            let triggers = ByteTable(hooks.textTriggers)
            for start in found.textRunStarts {
                rewriteRun(startingAt: start, triggers: triggers, with: rewriteText)
            }
        }
        if let rewriteLink = hooks.rewriteLink {
            for node in found.links {
                let target = LinkTarget(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
                let rewritten = rewriteLink(target, position(of: node))
                annotations.written[node] = (target.url, rewritten.isReported)
                if rewritten.url != target.url { cmark_node_set_url(node, rewritten.url) }
                if rewritten.title != target.title { cmark_node_set_title(node, rewritten.title) }
            }
        }
        // Top-level headings' text, read once for both passes below.
        var headingTexts: [OpaquePointer: String] = [:]
        if let replaceBlocks = hooks.replaceBlocks,
           replaceTopLevelBlocks(of: document, renderOptions: renderOptions, unsafeHTML: unsafeHTML, with: replaceBlocks,
                                 headingTexts: &headingTexts, annotations: &annotations) {
            // A replaced list may have held headings: look again, and trust no address kept from before.
            found.headings = collect(in: document).headings
            headingTexts = [:]
        }
        if let renderHeading = hooks.renderHeading {
            for node in found.headings {
                let outline = HeadingOutline(level: Int(cmark_node_get_heading_level(node)), plainText: headingTexts[node] ?? plainText(of: node),
                                             position: position(of: node))
                if let wrapper = renderHeading(outline), let inline = wrap(heading: node, in: wrapper) {
                    annotations.positions[inline] = outline.position
                }
            }
        }
        guard let rendered = cmark_render_html(document, renderOptions) else { return ("", []) }
        defer { free(rendered) }
        return (String(cString: rendered), events(in: document, annotations: annotations, unsafeHTML: unsafeHTML))
    }

    static func parse(_ markdown: String) -> OpaquePointer? {
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else { return nil }
        defer { cmark_parser_free(parser) }
        var markdown = markdown
        markdown.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        return cmark_parser_finish(parser)
    }

    /// The nodes the passes work on, found in one walk.
    struct Found {
        /// The first text node of each run: text nodes joined by soft breaks or split by cmark.
        var textRunStarts: [OpaquePointer] = []
        /// Links and images.
        var links: [OpaquePointer] = []
        var headings: [OpaquePointer] = []
        var notices: [ParsedNotice] = []
    }

    static func collect(in document: OpaquePointer) -> Found {
        var found = Found()
        guard let iterator = cmark_iter_new(document) else { return found }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT:
                if startsRun(node) { found.textRunStarts.append(node) }
            case CMARK_NODE_LINK:
                found.links.append(node)
            case CMARK_NODE_IMAGE:
                found.links.append(node)
                found.notices.append(.image(url: string(cmark_node_get_url(node)), alt: plainText(of: node),
                                            title: string(cmark_node_get_title(node)), position(of: node)))
            case CMARK_NODE_HEADING:
                found.headings.append(node)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                let literal = string(cmark_node_get_literal(node))
                // Closing tags and comments: their opening tag, or nothing a reader would miss.
                if !literal.hasPrefix("</"), !literal.hasPrefix("<!--") { found.notices.append(.rawHTML(literal, position(of: node))) }
            case CMARK_NODE_PARAGRAPH:
                if let first = cmark_node_first_child(node), cmark_node_get_type(first) == CMARK_NODE_TEXT {
                    let line = string(cmark_node_get_literal(first))
                    if line.hasPrefix("|") { found.notices.append(.pipeLine(line, position(of: node))) }
                }
            default:
                break
            }
        }
        return found
    }

    /// The text a reader sees: literal text and code, breaks as spaces. An image's alt text, as
    /// cmark writes it, also holds the raw HTML inside the image's description.
    static func plainText(of root: OpaquePointer, withRawHTML: Bool = false) -> String {
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
    static func innerHTML(of node: OpaquePointer, tag: String, renderOptions: Int32) -> String {
        guard let rendered = cmark_render_html(node, renderOptions) else { return "" }
        defer { free(rendered) }
        var html = Substring(String(cString: rendered))
        if html.hasPrefix("<\(tag)>") { html = html.dropFirst(tag.utf8.count + 2) }
        while html.last == "\n" { html = html.dropLast() }
        if html.hasSuffix("</\(tag)>") { html = html.dropLast(tag.utf8.count + 3) }
        while html.first == "\n" { html = html.dropFirst() }
        return String(html)
    }

    static func newNode(_ type: cmark_node_type) -> OpaquePointer? {
        cmark_node_new(type)
    }

    static func isInsideImage(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            if cmark_node_get_type(current) == CMARK_NODE_IMAGE { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }

    static func position(of node: OpaquePointer) -> SourcePosition {
        SourcePosition(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// A node's text as cmark holds it, read in place: most text is only looked at, not copied.
    static func literalBytes(of node: OpaquePointer) -> UnsafeBufferPointer<UInt8> {
        guard let literal = cmark_node_get_literal(node) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: literal, count: strlen(literal)).bindMemory(to: UInt8.self)
    }
}
