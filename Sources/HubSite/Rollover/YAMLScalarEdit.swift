/// Replaces single values in a YAML file as text, so its comments, order and layout stay as
/// the editor wrote them.
struct YAMLScalarEdit {
    var line: Int
    var column: Int
    var newValue: String

    /// Applies `edits` to `text`. Each replaces the plain or quoted scalar that starts at its
    /// line and column (as Yams reports them), keeping quotes and any trailing comment.
    static func apply(_ edits: [YAMLScalarEdit], to text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for edit in edits where edit.line >= 1 && edit.line <= lines.count {
            var bytes = Array(lines[edit.line - 1].utf8)
            let start = min(max(edit.column - 1, 0), bytes.count)
            var end = start
            var replacement = Array(edit.newValue.utf8)
            if start < bytes.count, bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "'") {
                let quote = bytes[start]
                end = start + 1
                while end < bytes.count, bytes[end] != quote { end += 1 }
                end = min(end + 1, bytes.count)
                replacement = [quote] + replacement + [quote]
            } else {
                while end < bytes.count, !(bytes[end] == UInt8(ascii: "#") && end > start && bytes[end - 1] == UInt8(ascii: " ")) { end += 1 }
                while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            }
            bytes.replaceSubrange(start..<end, with: replacement)
            lines[edit.line - 1] = String(decoding: bytes, as: UTF8.self)
        }
        return lines.joined(separator: "\n")
    }
}
