/// Replaces single values in a YAML file as text, so its comments, order and layout stay as
/// the editor wrote them.
struct YAMLScalarEdit {
    var line: Int
    var column: Int
    /// The value as it stands, to know where a plain value ends: a comment, a comma or a brace
    /// of a `{…}` mapping may follow it on the line.
    var oldValue: String
    var newValue: String
    /// Adds `Unconfirmed.comment` at the end of the line: the new value is a guess to confirm.
    var marksUnconfirmed = false

    /// Applies `edits` to `text`. Each replaces the plain or quoted scalar that starts at its
    /// line and column (as Yams reports them), keeping quotes and whatever follows it.
    static func apply(_ edits: [YAMLScalarEdit], to text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for edit in edits where edit.line >= 1 && edit.line <= lines.count {
            var bytes = Array(lines[edit.line - 1].utf8)
            // Yams counts columns in characters (Unicode scalars), the edit works on bytes.
            let scalars = lines[edit.line - 1].unicodeScalars
            let start = scalars.indices.dropFirst(max(edit.column - 1, 0)).first.map { scalars[..<$0].reduce(0) { $0 + UTF8.width($1) } }
                ?? bytes.count
            var end = start
            var replacement = Array(edit.newValue.utf8)
            if start < bytes.count, bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "'") {
                let quote = bytes[start]
                end = start + 1
                while end < bytes.count, bytes[end] != quote { end += 1 }
                end = min(end + 1, bytes.count)
                replacement = [quote] + replacement + [quote]
            } else {
                let old = Array(edit.oldValue.utf8)
                guard start < bytes.count, bytes[start...].starts(with: old) else { continue }
                end = start + old.count
            }
            bytes.replaceSubrange(start..<end, with: replacement)
            var line = String(decoding: bytes, as: UTF8.self)
            if edit.marksUnconfirmed, !line.lowercased().contains("# unconfirmed") {
                line += "   " + Unconfirmed.comment
            }
            lines[edit.line - 1] = line
        }
        return lines.joined(separator: "\n")
    }
}
