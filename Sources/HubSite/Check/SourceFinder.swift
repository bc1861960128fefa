import Foundation

/// Finds where an author wrote an address or id that the checker met in a built page, for what
/// the Markdown stage did not record: raw HTML in Markdown, HTML files of `content/`, and
/// templates. A failed build leaves no built page to open, so a message must name the source.
public struct SourceFinder: Sendable {
    /// The site's folder, for reading a page's source again when one of its problems is reported.
    var siteFolder: URL
    /// Output path → the source it was made from: `raw/index.html` → `content/raw.md`,
    /// `legacy.html` → `content/legacy.html`.
    var pageSources: [String: String] = [:]
    var templates: [SourceFile] = []

    /// Where `value`, found on `line` of the built `page`, was written, and how it was written
    /// there (a template writes `{{root}}hubs/` where the page holds `../hubs/`).
    func locate(_ value: String, page: String, line: Int) -> (location: SourceLocation, written: String)? {
        guard !value.isEmpty else { return nil }
        if let source = pageSources[page],
           case .success(let file) = SourceFile.read(atPath: siteFolder.appendingPathComponent(source).path, as: source),
           let found = Self.attribute(value, in: file, preferring: source.hasSuffix(".html") ? line : nil) {
            return found
        }
        for template in templates {
            if let found = Self.attribute(value, in: template, preferring: nil) { return found }
        }
        let tail = Self.withoutClimbing(value)
        for template in templates {
            if let found = Self.templateAttribute(ending: tail, in: template) { return found }
        }
        return nil
    }

    /// `value` as a quoted attribute value in `file`, on `line` if it is there, and how it is
    /// written there (`key&#45;dates.ics` for `key-dates.ics`).
    private static func attribute(_ value: String, in file: SourceFile, preferring line: Int?) -> (location: SourceLocation, written: String)? {
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        let order = (line.map { [$0 - 1] } ?? []) + Array(lines.indices)
        for index in order where lines.indices.contains(index) {
            let text = lines[index]
            for quote in ["\"", "'"] {
                if let range = text.range(of: quote + value + quote) {
                    return (SourceLocation(file: file.path, line: index + 1, column: text.utf8.distance(from: text.startIndex, to: range.lowerBound) + 2), value)
                }
            }
            // Written with character references: compare what each quoted value stands for.
            guard text.contains("&") else { continue }
            for quote: Character in ["\"", "'"] {
                // Split at the quotes: the pieces inside them are every second one.
                let pieces = text.split(separator: quote, omittingEmptySubsequences: false)
                for piece in stride(from: 1, to: pieces.count, by: 2).map({ pieces[$0] })
                where piece.contains("&") && HTMLEntities.decode(String(piece)) == value {
                    return (SourceLocation(file: file.path, line: index + 1, column: text.utf8.distance(from: text.startIndex, to: piece.startIndex) + 1), String(piece))
                }
            }
        }
        return nil
    }

    /// A quoted attribute value in a template that makes `tail`: the same text, or tags and then it.
    private static func templateAttribute(ending tail: String, in template: SourceFile) -> (location: SourceLocation, written: String)? {
        for (index, line) in template.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for quote: Character in ["\"", "'"] {
                var rest = line[...]
                while let end = rest.range(of: tail + String(quote)) {
                    let before = line[..<end.lowerBound]
                    if let open = before.lastIndex(of: quote) {
                        let prefix = line[line.index(after: open)..<end.lowerBound]
                        if prefix.hasSuffix("}}") || (prefix.isEmpty && !tail.isEmpty) {
                            let written = String(line[line.index(after: open)..<line.index(before: end.upperBound)])
                            let column = line.utf8.distance(from: line.startIndex, to: open) + 2
                            return (SourceLocation(file: template.path, line: index + 1, column: column), written)
                        }
                    }
                    rest = line[end.upperBound...]
                }
            }
        }
        return nil
    }

    /// `../../hubs/` → `hubs/`: what a template writes after `{{root}}` (404.html's root is `/`).
    private static func withoutClimbing(_ value: String) -> String {
        var rest = value.hasPrefix("/") && !value.hasPrefix("//") ? Substring(value).dropFirst() : Substring(value)
        while rest.hasPrefix("../") || rest.hasPrefix("./") { rest = rest.drop { $0 == "." }.dropFirst() }
        return String(rest)
    }
}
