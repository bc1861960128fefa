import Foundation

/// `{{cohort.number}}` in Markdown text, replaced by the value from `site.yml`.
///
/// Only text runs are searched (cmark has already set code apart), and the value becomes text,
/// so it is HTML-escaped like any other text.
struct TextVariables: Sendable {
    /// Name → value, e.g. `cohort.number` → `11`.
    var values: [String: String]
    /// The cohort the text is read for: front-matter text is checked for stale facts against it.
    var cohort: Cohort? = nil

    /// The text with every known variable replaced, and a problem for each unknown one.
    func substitute(in text: String) -> (text: String, problems: [PlacedProblem<Int>]) {
        guard TextBytes.contains("{{", in: text) else { return (text, []) }
        var output = ""
        var problems: [PlacedProblem<Int>] = []
        var rest = text[...]
        // The standard library's search, on the UTF-8 view: Foundation's range(of:) copied the
        // rest of the text at every variable (200,000 of them took 32 s).
        while let open = rest.utf8.firstRange(of: "{{".utf8) {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].utf8.firstRange(of: "}}".utf8) else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            let offset = text.utf8.distance(from: text.startIndex, to: open.lowerBound)
            if let value = values[name] {
                output += value
            } else {
                output += rest[open.lowerBound..<close.upperBound]
                problems.append(PlacedProblem(
                    place: offset,
                    message: "unknown variable \"{{\(name)}}\"",
                    fix: Suggestion.hint(for: name, in: values.keys)
                ))
            }
            rest = rest[close.upperBound...]
        }
        output += rest
        return (output, problems)
    }
}
