/// "Did you mean …?" for misspelt keys, regions and variables.
enum Suggestion {
    /// The candidate nearest to `word`, when it is near enough to be a likely typo.
    static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let normalized = normalize(word)
        var best: (name: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(normalized, normalize(candidate))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        // Typos are a letter or two; a larger distance is a different word, not a slip.
        let allowed = min(3, max(1, normalized.count / 3))
        return best.distance <= allowed ? best.name : nil
    }

    /// `did you mean "website"?`, or a list of what is allowed when nothing is close.
    static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        let sorted = candidates.sorted()
        if let near = nearest(to: word, in: sorted) { return "did you mean \"\(near)\"?" }
        return "use one of: " + sorted.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    /// Case, hyphens and underscores are the commonest slips; compare without them.
    private static func normalize(_ word: String) -> [Character] {
        Array(word.lowercased().map { $0 == "-" || $0 == "_" ? " " : $0 })
    }

    /// Levenshtein distance with adjacent transpositions (optimal string alignment).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousRow = [Int](0...b.count)
        var rowBefore = previousRow
        var row = previousRow
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = min(previousRow[j] + 1, row[j - 1] + 1, previousRow[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    row[j] = min(row[j], rowBefore[j - 2] + 1)
                }
            }
            rowBefore = previousRow
            previousRow = row
        }
        return previousRow[b.count]
    }
}
