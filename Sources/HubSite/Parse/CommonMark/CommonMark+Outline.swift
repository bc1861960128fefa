import CCmark
import Foundation

// The outline of the final tree: what the checker needs to know of a page without reading its HTML.

extension CommonMark {
    /// The final tree's outline (see `OutlinePiece`), nil if raw HTML is rendered as written.
    static func outline(of document: OpaquePointer, rawHTMLAsWritten: Bool,
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
                if insideLink > 0, !namedLink, TextBytes.holdsVisibleText(literalBytes(of: node)) {
                    pieces.append(.text)
                    namedLink = true
                }
            default:
                break
            }
        }
        return pieces
    }
}
