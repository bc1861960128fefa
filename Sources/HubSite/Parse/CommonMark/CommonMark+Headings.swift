import CCmark
import Foundation

// Headings: the heading hook wraps each heading's content in its id and self-link.

extension CommonMark {
    /// The heading's content moves, unrendered, into an inline wrapper that carries the new
    /// tags, inside a block that ends the line as cmark's heading did. Returns the wrapper.
    static func wrap(heading node: OpaquePointer, in wrapper: HeadingWrapper) -> OpaquePointer? {
        guard let block = newNode(CMARK_NODE_CUSTOM_BLOCK), let inline = newNode(CMARK_NODE_CUSTOM_INLINE) else { return nil }
        cmark_node_set_on_enter(inline, wrapper.open)
        cmark_node_set_on_exit(inline, wrapper.close)
        while let child = cmark_node_first_child(node) {
            cmark_node_append_child(inline, child)
        }
        cmark_node_append_child(block, inline)
        cmark_node_insert_before(node, block)
        cmark_node_free(node)
        return inline
    }
}
