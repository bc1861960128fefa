/// Wraps the dates in a run of text in `<time datetime="…">`.
enum DateMarkup {
    /// The text cut into plain pieces and `<time>` pieces; `report` sees every date found,
    /// good or bad (bad ones stay plain text).
    static func pieces(for text: String, matches: [UKDateScanner.Match]? = nil, report: (UKDateScanner.Match) -> Void) -> [InlinePiece] {
        let matches = matches ?? UKDateScanner.matches(in: text)
        guard !matches.isEmpty else { return [.text(text)] }
        var pieces: [InlinePiece] = []
        var cursor = text.startIndex
        for match in matches {
            report(match)
            guard case .valid(let date) = match.outcome else { continue }
            pieces.append(.text(String(text[cursor..<match.range.lowerBound])))
            pieces.append(.wrapped(open: "<time datetime=\"\(date.iso)\">", text: match.written, close: "</time>"))
            cursor = match.range.upperBound
        }
        pieces.append(.text(String(text[cursor...])))
        return pieces.filter { $0 != .text("") }
    }
}
