import CCmark

// HTML's character references (`&#45;`, `&rarr;`, all 2,231 names), decoded by cmark, which
// carries HTML's whole table because CommonMark text may use any of them.

extension CommonMark {
    /// The text `reference` (such as `&ShortRightArrow;` or `&#x2D;`) stands for, or nil when
    /// HTML defines no such reference.
    static func decodeCharacterReference(_ reference: String) -> String? {
        // Only the reference's own shape goes to the parser, so nothing else can be read as Markdown.
        let name = reference.utf8.dropFirst().dropLast()
        guard reference.utf8.first == UInt8(ascii: "&"), reference.utf8.last == UInt8(ascii: ";"), !name.isEmpty,
              name.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) || $0 == UInt8(ascii: "#") }),
              let document = parse(reference) else { return nil }
        defer { cmark_node_free(document) }
        guard let paragraph = cmark_node_first_child(document), let text = cmark_node_first_child(paragraph),
              cmark_node_get_type(text) == CMARK_NODE_TEXT, cmark_node_next(text) == nil else { return nil }
        let decoded = string(cmark_node_get_literal(text))
        return decoded == reference ? nil : decoded
    }
}
