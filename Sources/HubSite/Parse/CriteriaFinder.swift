import Foundation

/// Finds the criteria in a document's top-level blocks: a `### Essential` heading and its
/// list, then a `### Desirable` heading and its list. Items pair up row by row.
enum CriteriaFinder {
    struct Match {
        /// The four blocks the table replaces.
        var range: ClosedRange<Int>
        var criteria: Criteria
        /// The items, with their events, for the table's.
        var essential: [ListItem]
        var desirable: [ListItem]
        /// Where the `### Essential` heading was written: the table's own tags are placed there.
        var position: SourcePosition
    }

    static func find(in blocks: [BlockOutline], items: (Int) -> [ListItem]) -> (match: Match?, problems: [PlacedProblem<SourcePosition>]) {
        let essential = headings(named: "Essential", in: blocks)
        let desirable = headings(named: "Desirable", in: blocks)
        guard !essential.isEmpty || !desirable.isEmpty else { return (nil, []) }
        var problems: [PlacedProblem<SourcePosition>] = []
        for index in (essential + desirable).sorted() where !isList(at: index + 1, in: blocks) {
            let name = essential.contains(index) ? "Essential" : "Desirable"
            problems.append(PlacedProblem(place: blocks[index].position, message: "the \"### \(name)\" heading is not followed by a list",
                                    fix: "put the \(name.lowercased()) criteria right under the heading, one \"- item\" per line"))
        }
        guard problems.isEmpty else { return (nil, problems) }
        if essential.count > 1 || desirable.count > 1 {
            let extra = (essential.dropFirst() + desirable.dropFirst()).sorted()[0]
            return (nil, [PlacedProblem(place: blocks[extra].position, message: "a second set of criteria lists",
                                  fix: "keep one \"### Essential\" and one \"### Desirable\" list on the page")])
        }
        guard let e = essential.first, let d = desirable.first else {
            let (found, missing) = essential.isEmpty ? ("Desirable", "Essential") : ("Essential", "Desirable")
            let index = essential.first ?? desirable[0]
            return (nil, [PlacedProblem(place: blocks[index].position, message: "a \"### \(found)\" list without a \"### \(missing)\" list",
                                  fix: "add \"### \(missing)\" and its list next to it; leave an item empty (\"-\") where a row has no \(missing.lowercased()) criterion")])
        }
        guard d == e + 2 else {
            return (nil, [PlacedProblem(place: blocks[d].position, message: "the \"### Desirable\" list must come straight after the \"### Essential\" list",
                                  fix: "move it so that the two lists follow each other")])
        }
        let essentialItems = items(e + 1), desirableItems = items(d + 1)
        let criteria = Criteria(essential: essentialItems.map(\.html), desirable: desirableItems.map(\.html))
        return (Match(range: e...(d + 1), criteria: criteria, essential: essentialItems, desirable: desirableItems, position: blocks[e].position), [])
    }

    private static func headings(named name: String, in blocks: [BlockOutline]) -> [Int] {
        blocks.indices.filter {
            if case .heading(3, let text) = blocks[$0].kind {
                return text.utf8.count < 20 && text.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(name) == .orderedSame
            }
            return false
        }
    }

    private static func isList(at index: Int, in blocks: [BlockOutline]) -> Bool {
        guard index < blocks.count, case .list = blocks[index].kind else { return false }
        return true
    }
}
