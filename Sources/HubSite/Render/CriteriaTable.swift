/// The criteria as one accessible table: a caption and column headers with `scope`. On a
/// narrow screen the stylesheet stacks its rows, each cell labelled by its `data-label`, so
/// that nothing needs scrolling sideways.
enum CriteriaTable {
    static func html(_ criteria: Criteria) -> String {
        var html = """
        <div class="table-wrap">
        <table class="criteria">
        <caption id="criteria-caption">Essential and desirable criteria for applicants</caption>
        <thead><tr><th scope="col">Essential</th><th scope="col">Desirable</th></tr></thead>
        <tbody>

        """
        for row in criteria.rows {
            html += "<tr><td data-label=\"Essential\">\(row.essential)</td><td data-label=\"Desirable\">\(row.desirable)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n</div>"
        return html
    }
}
