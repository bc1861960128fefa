import Foundation

/// The tags of a Mustache template with where they stand, read before swift-mustache parses
/// it, for what swift-mustache cannot check or survive: partials that do not exist or include
/// themselves, and sections nested deep enough to exhaust the stack.
struct TemplateTag: Equatable {
    enum Kind: Equatable {
        /// `{{#name}}`, `{{^name}}`, `{{$name}}`: a section or block, closed by `{{/name}}`.
        case open
        case close
        /// `{{> name}}`
        case partial
        /// `{{< name}}`: a parent template, whose blocks this one fills; closed by `{{/name}}` too.
        case parent
        /// `{{=<% %>=}}`
        case setDelimiters
        case other
    }

    var kind: Kind
    var name: String
    var line: Int
    var column: Int
    /// The character that makes the tag what it is: "#", "^", "$" for an `.open` tag, "&" or "{"
    /// for unescaped output, "!" for a comment, "%" for a pragma.
    var sigil: Character? = nil

    static func scan(_ text: String) -> [TemplateTag] {
        var tags: [TemplateTag] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            // The standard library's search: Foundation's range(of:) copies the rest of the line.
            while let open = rest.utf8.firstRange(of: "{{".utf8) {
                let inside = rest[open.upperBound...]
                let triple = inside.first == "{"
                guard let close = inside.utf8.firstRange(of: (triple ? "}}}" : "}}").utf8) else { break }
                let body = inside[..<close.lowerBound].drop { $0 == " " || $0 == "{" }
                let sigil = body.first
                let kind: Kind = switch sigil {
                case "#", "^", "$": .open
                case "/": .close
                case ">": .partial
                case "<": .parent
                case "=": .setDelimiters
                default: .other
                }
                let name = (kind == .other ? body : body.dropFirst()).trimmingCharacters(in: .whitespaces)
                tags.append(TemplateTag(kind: kind, name: name, line: lineIndex + 1,
                                        column: line.utf8.distance(from: line.startIndex, to: open.lowerBound) + 1,
                                        sigil: triple ? "{" : sigil))
                rest = inside[close.upperBound...]
            }
        }
        return tags
    }

    /// The innermost section or parent still open at the end of `tags`.
    static func unclosed(in tags: [TemplateTag]) -> TemplateTag? {
        var open: [TemplateTag] = []
        for tag in tags {
            if tag.kind == .open || tag.kind == .parent { open.append(tag) }
            if tag.kind == .close, !open.isEmpty { open.removeLast() }
        }
        return open.last
    }
}
