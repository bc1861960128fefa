/// The criteria as one accessible table: a caption and column headers with `scope`.
enum CriteriaTable {
    static func html(_ criteria: Criteria) -> String {
        var html = """
        <div class="table-wrap" role="region" aria-labelledby="criteria-caption" tabindex="0">
        <table class="criteria">
        <caption id="criteria-caption">Essential and desirable criteria for applicants</caption>
        <thead><tr><th scope="col">Essential</th><th scope="col">Desirable</th></tr></thead>
        <tbody>

        """
        for row in criteria.rows {
            html += "<tr><td>\(row.essential)</td><td>\(row.desirable)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n</div>"
        return html
    }
}
