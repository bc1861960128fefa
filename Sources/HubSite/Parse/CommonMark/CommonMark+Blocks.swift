import CCmark
import Foundation

// Top-level blocks: the block hook (the criteria table) replaces ranges of them with HTML.

extension CommonMark {
    /// Whether any block was replaced.
    static func replaceTopLevelBlocks(
        of document: OpaquePointer, renderOptions: Int32, unsafeHTML: Bool, with hook: ([BlockOutline], (Int) -> [ListItem]) -> [BlockReplacement],
        headingTexts: inout [OpaquePointer: String], annotations: inout Annotations
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
        let known = annotations
        let items = { (index: Int) -> [ListItem] in
            guard blocks.indices.contains(index), cmark_node_get_type(blocks[index]) == CMARK_NODE_LIST else { return [] }
            var items: [ListItem] = []
            var item = cmark_node_first_child(blocks[index])
            while let current = item {
                items.append(ListItem(html: innerHTML(of: current, tag: "li", renderOptions: renderOptions),
                                      events: events(in: current, annotations: known, unsafeHTML: unsafeHTML)))
                item = cmark_node_next(current)
            }
            return items
        }
        for replacement in hook(outline, items).sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            let range = replacement.range
            guard range.lowerBound >= 0, range.upperBound < blocks.count,
                  !freed.intersects(integersIn: range.lowerBound..<(range.upperBound + 1)) else { continue }
            guard let block = newNode(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(block, replacement.html)
            annotations.events[block] = replacement.events
            cmark_node_insert_before(blocks[range.lowerBound], block)
            for index in range { cmark_node_free(blocks[index]) }
            freed.insert(integersIn: range.lowerBound..<(range.upperBound + 1))
        }
        return !freed.isEmpty
    }
}
