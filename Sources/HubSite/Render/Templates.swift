import Foundation
import Mustache

/// The site's Mustache templates, parsed once per build and checked for what swift-mustache
/// would otherwise let pass silently (a partial that does not exist renders as nothing).
struct Templates: Sendable {
    private let library: MustacheLibrary
    let names: Set<String>

    /// Parses every `*.mustache` file under `folder` (name: path without extension,
    /// e.g. `partials/header`). Syntax errors and missing partials go to `log`.
    static func load(from folder: URL, relativeTo siteFolder: URL, log: inout DiagnosticLog) -> Templates {
        MustacheContentTypes.register(EscapedHTML(), named: EscapedHTML.name)
        var templates: [String: MustacheTemplate] = [:]
        var sources: [String: SourceFile] = [:]
        for file in FileTree.files(under: folder, withExtension: "mustache") {
            let path = FileTree.relativePath(of: file, in: siteFolder)
            let name = String(FileTree.relativePath(of: file, in: folder).dropLast(".mustache".count))
            switch SourceFile.read(file, as: path) {
            case .failure(let diagnostic): log.append(contentsOf: [diagnostic])
            case .success(let source):
                sources[name] = source
                do {
                    templates[name] = try MustacheTemplate(string: EscapedHTML.pragma + source.text)
                } catch let error as MustacheTemplate.ParserError {
                    // The pragma's line is not the editor's.
                    log.error(at: SourceLocation(file: path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
                              "template syntax error: \(describe(error.error))", fix: fix(for: error.error))
                } catch {
                    log.error(at: SourceLocation(file: path), "template syntax error: \(error)")
                }
            }
        }
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in partialReferences(in: source.text) where sources[reference.name] == nil {
                log.error(at: SourceLocation(file: source.path, line: reference.line, column: reference.column),
                          "template \"\(name)\" uses the partial \"\(reference.name)\", but templates/\(reference.name).mustache does not exist",
                          fix: Suggestion.nearest(to: reference.name, in: sources.keys).map { "did you mean \"\($0)\"?" }
                              ?? "create templates/\(reference.name).mustache or correct the name")
            }
        }
        // Names of every template file, parsed or not, so a page whose template has a syntax
        // error is not also told that its template is missing.
        return Templates(library: MustacheLibrary(templates: templates), names: Set(sources.keys))
    }

    func render(_ context: [String: Any], with name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// HTML escaping as swift-mustache's own (the same five characters), but text with nothing to
    /// escape, nearly all of it, is returned as it is instead of being rebuilt character by character.
    /// Every template selects it with a pragma on a line of its own, which renders as nothing.
    private struct EscapedHTML: MustacheContentType {
        static let name = "HUBSITE_HTML"
        static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }

    // MARK: - Messages

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "this closing tag does not match the section that is open"
        case .unfinishedName: return "a tag is not finished: \"}}\" is missing or the name is empty"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "invalid delimiter change ({{=…=}})"
        case .transformAppliedToInheritanceSection: return "transforms cannot be used on a block or a parent"
        case .illegalTokenInsideInheritSection: return "only {{$block}} sections may stand inside {{<parent}} … {{/parent}}"
        case .textInsideInheritSection: return "text inside {{<parent}} … {{/parent}} must be inside a {{$block}}"
        case .invalidConfigVariableSyntax: return "invalid {{% … }} pragma"
        case .unrecognisedConfigVariable: return "unknown {{% … }} pragma"
        }
    }

    private static func fix(for error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?, .expectedSectionEnd?:
            return "close each {{#name}} or {{^name}} with {{/name}}, innermost first"
        case .unfinishedName?: return "write tags as {{name}}, {{{name}}}, {{#name}} … {{/name}} or {{> partial}}"
        default: return ""
        }
    }

    /// `{{> name}}` and `{{< name}}` tags, with where they stand. Templates that change the
    /// delimiters are not followed; those are rare enough to leave to swift-mustache.
    static func partialReferences(in text: String) -> [(name: String, line: Int, column: Int)] {
        var found: [(String, Int, Int)] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...].drop { $0 == " " }
                guard let sigil = afterOpen.first, sigil == ">" || sigil == "<",
                      let close = afterOpen.range(of: "}}") else {
                    rest = rest[open.upperBound...]
                    continue
                }
                let name = afterOpen[afterOpen.index(after: afterOpen.startIndex)..<close.lowerBound]
                    .trimmingCharacters(in: .whitespaces)
                if !name.isEmpty, !name.hasPrefix("*") {
                    found.append((name, lineIndex + 1, line.utf8.distance(from: line.startIndex, to: open.lowerBound) + 1))
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return found
    }
}
