/// The criteria as one accessible table: a caption and column headers with `scope`. On a
/// narrow screen the stylesheet stacks its rows, each cell labelled by its `data-label`, so
/// that nothing needs scrolling sideways.
enum CriteriaTable {
    /// The table's HTML and its events (CommonMark+Events.swift): each cell's as its item's
    /// Markdown wrote them, the table's own at the `### Essential` heading.
    static func render(_ match: CriteriaFinder.Match) -> (html: String, events: [HTML.Event]) {
        let cells = zip(padded(match.essential, to: match.criteria.essential.count), padded(match.desirable, to: match.criteria.desirable.count))
            .flatMap { [$0.events, $1.events] }
        var html = ""
        var events: [HTML.Event] = []
        var cell = cells.makeIterator()
        for piece in pieces(match.criteria) {
            html += piece.html
            events += piece.isCell ? cell.next() ?? [] : CommonMark.scanned(piece.html, at: match.position, writtenThere: false)
        }
        return (html, events)
    }

    /// The table in order: its own markup, and each cell's content.
    private static func pieces(_ criteria: Criteria) -> [(html: String, isCell: Bool)] {
        var pieces: [(html: String, isCell: Bool)] = [("""
        <div class="table-wrap">
        <table class="criteria">
        <caption id="criteria-caption">Essential and desirable criteria for applicants</caption>
        <thead><tr><th scope="col">Essential</th><th scope="col">Desirable</th></tr></thead>
        <tbody>

        """, false)]
        for row in criteria.rows {
            pieces += [("<tr><td data-label=\"Essential\">", false), (row.essential, true),
                       ("</td><td data-label=\"Desirable\">", false), (row.desirable, true), ("</td></tr>\n", false)]
        }
        pieces.append(("</tbody>\n</table>\n</div>", false))
        return pieces
    }

    /// A list's items, with empty ones for the rows it has no item for.
    private static func padded(_ items: [ListItem], to count: Int) -> [ListItem] {
        items + Array(repeating: ListItem(html: "", events: []), count: max(0, count - items.count))
    }
}
