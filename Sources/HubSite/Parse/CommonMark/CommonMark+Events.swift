import CCmark
import Foundation

// What the rendered HTML holds that the checker judges (links, images, ids, headings, text), read
// from the finished tree in the order cmark writes it, each tag at the line and column where the
// Markdown wrote it. The checker takes these instead of reading the body's HTML back.

extension CommonMark {
    /// What the passes knew of nodes they made or changed, for the walk over the finished tree.
    struct Annotations {
        /// Links and images whose address a pass rewrote: how the Markdown wrote it.
        var written: [OpaquePointer: (url: String, isReported: Bool)] = [:]
        /// Nodes a pass made, which cmark gives no place: where their Markdown was written.
        var positions: [OpaquePointer: SourcePosition] = [:]
        /// Blocks a pass replaced with HTML it made, with that HTML's events already placed.
        var events: [OpaquePointer: [HTML.Event]] = [:]
    }

    /// The events of `root`'s subtree, as `cmark_render_html` would write it with `options`.
    static func events(in root: OpaquePointer, annotations: Annotations, unsafeHTML: Bool) -> [HTML.Event] {
        var events = EventList()
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        // Inside an image, text is its alt attribute, already in the image's tag.
        var imageDepth = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_IMAGE {
                imageDepth += entering ? 1 : -1
                if entering { events.append(tag("img", node, annotations, attributes: [("src", string(cmark_node_get_url(node))), ("alt", plainText(of: node))])) }
                continue
            }
            guard imageDepth == 0 else { continue }
            switch type {
            case CMARK_NODE_LINK:
                events.append(entering ? tag("a", node, annotations, attributes: [("href", string(cmark_node_get_url(node)))])
                                       : closing("a", node))
            case CMARK_NODE_HEADING:
                events.append(entering ? tag("h\(cmark_node_get_heading_level(node))", node, annotations, attributes: [])
                                       : closing("h\(cmark_node_get_heading_level(node))", node))
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if TextBytes.holdsVisibleText(literalBytes(of: node)) { events.append(.text) }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                // Without unsafe HTML, cmark writes a comment in its place.
                if unsafeHTML { events += scanned(string(cmark_node_get_literal(node)), at: position(of: node), writtenThere: true) }
            case CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
                if let ready = annotations.events[node] {
                    if entering { events += ready }
                } else {
                    let html = string(entering ? cmark_node_get_on_enter(node) : cmark_node_get_on_exit(node))
                    events += scanned(html, at: place(of: node, annotations), writtenThere: false)
                }
            default:
                break
            }
        }
        return events.kept
    }

    /// The events the checker reads, in order: tags with an id, an address or alt text, links,
    /// images and headings, the end of each link, and that text came between (one event for a
    /// stretch of it). Other tags (`<time>`, `<em>`, `<p>`) are left out: a page holds many. So
    /// is what a `<script>`, `<style>` or `<template>` that raw HTML opened holds: browsers
    /// follow nothing there, and cmark may have parsed it as Markdown between two pieces of raw HTML.
    private struct EventList {
        private(set) var kept: [HTML.Event] = []
        private var inert: String?

        static func += (events: inout EventList, new: [HTML.Event]) {
            for event in new { events.append(event) }
        }

        mutating func append(_ event: HTML.Event) {
            switch event {
            case .text:
                if inert != nil { return }
                if case .text? = kept.last { return }
                kept.append(event)
            case .tag(let tag) where tag.isClosing:
                if tag.name == inert {
                    inert = nil
                } else if inert == nil, tag.name == "a" {
                    kept.append(event)
                }
            case .tag(let tag):
                guard inert == nil else { return }
                if ["script", "style", "template"].contains(tag.name) { inert = tag.name }
                if !tag.attributes.list.isEmpty || ["a", "img", "h1", "h2", "h3", "h4", "h5", "h6"].contains(tag.name) {
                    kept.append(event)
                }
            }
        }
    }

    /// The events of HTML at `position`. Raw HTML was `writtenThere`: its tags and values are
    /// placed line by line from there. HTML a pass made (a heading's id, the criteria table)
    /// is placed wholly at the Markdown that asked for it.
    static func scanned(_ html: String, at position: SourcePosition, writtenThere: Bool) -> [HTML.Event] {
        guard !html.isEmpty else { return [] }
        var events: [HTML.Event] = []
        HTMLScanner.scan(html) { event in
            guard case .tag(var tag) = event else { return events.append(event) }
            func place(_ line: Int, _ column: Int) -> (Int, Int) {
                guard writtenThere else { return (position.line, position.column) }
                return (position.line + line - 1, line == 1 ? position.column + column - 1 : column)
            }
            (tag.line, tag.column) = place(tag.line, tag.column)
            for index in tag.attributes.list.indices {
                let attribute = tag.attributes.list[index]
                (tag.attributes.list[index].line, tag.attributes.list[index].column) = place(attribute.line, attribute.column)
            }
            events.append(.tag(tag))
        }
        return events
    }

    private static func tag(_ name: String, _ node: OpaquePointer, _ annotations: Annotations,
                            attributes: [(String, String)]) -> HTML.Event {
        let place = place(of: node, annotations)
        let written = annotations.written[node]
        let list = attributes.map { HTML.Attribute(name: $0.0, value: $0.1, line: place.line, column: place.column) }
        return .tag(HTML.Tag(name: name, attributes: HTML.Attributes(list: list), isClosing: false,
                                    line: place.line, column: place.column, written: written?.url, isReported: written?.isReported ?? false))
    }

    private static func closing(_ name: String, _ node: OpaquePointer) -> HTML.Event {
        .tag(HTML.Tag(name: name, attributes: HTML.Attributes(), isClosing: true, line: 0, column: 0))
    }

    /// A node's place: its own, what a pass recorded for it, or its nearest placed ancestor's.
    private static func place(of node: OpaquePointer, _ annotations: Annotations) -> SourcePosition {
        var current: OpaquePointer? = node
        while let candidate = current {
            if let recorded = annotations.positions[candidate] { return recorded }
            if cmark_node_get_start_line(candidate) > 0 { return position(of: candidate) }
            current = cmark_node_parent(candidate)
        }
        return SourcePosition(line: 1, column: 1)
    }
}
