import CCmark
import Foundation

// Text runs: the text hook (variables, UK dates) sees each run of text whole, and its pieces
// replace the run.

extension CommonMark {
    /// cmark splits text at characters that might have been markup and at line ends. A run
    /// joins text with its soft breaks ("\n", which renders exactly as a soft break does), so
    /// that a date written across a line break is seen whole. In image descriptions, where a
    /// soft break renders as a space, each text node is a run of its own.
    static func startsRun(_ node: OpaquePointer) -> Bool {
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
    static func nextInRun(after node: OpaquePointer) -> OpaquePointer? {
        guard let next = cmark_node_next(node) else { return nil }
        let type = cmark_node_get_type(next)
        guard type == CMARK_NODE_TEXT || (type == CMARK_NODE_SOFTBREAK && cmark_node_get_type(cmark_node_next(next)) == CMARK_NODE_TEXT) else { return nil }
        return next
    }

    /// Joins one run into its first node and hands it to the hook, unless no node of it holds a trigger byte.
    static func rewriteRun(startingAt start: OpaquePointer, triggers: ByteTable,
                                   with hook: (String, TextRunPositions) -> [InlinePiece]?) {
        // In an image description each text node is a run of its own (see `startsRun`); a run
        // of one node needs no asking.
        let alone = nextInRun(after: start) != nil && isInsideImage(start)
        if !triggers.isEmpty {
            var node: OpaquePointer? = start
            var triggered = false
            while let current = node, !triggered {
                triggered = literalBytes(of: current).contains(where: triggers.contains)
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
        if !rewrite(textNode: start, literal: text, positions: positions, with: hook), joined {
            cmark_node_set_literal(start, text)
        }
    }

    /// Whether the hook's pieces replaced `node` (which is then freed).
    static func rewrite(textNode node: OpaquePointer, literal: String, positions: TextRunPositions,
                                with hook: (String, TextRunPositions) -> [InlinePiece]?) -> Bool {
        guard let pieces = hook(literal, positions), pieces != [.text(literal)] else { return false }
        for piece in pieces {
            switch piece {
            case .text(let text):
                guard !text.isEmpty, let new = newNode(CMARK_NODE_TEXT) else { continue }
                cmark_node_set_literal(new, text)
                cmark_node_insert_before(node, new)
            case .wrapped(let open, let text, let close):
                guard let wrapper = newNode(CMARK_NODE_CUSTOM_INLINE) else { continue }
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
}
