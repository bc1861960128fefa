import Foundation
import Mustache

/// The site's Mustache templates, parsed once per build and checked for what swift-mustache
/// would otherwise let pass silently (a partial that does not exist renders as nothing).
struct Templates: Sendable {
    private let library: MustacheLibrary
    let names: Set<String>
    /// The templates a page may name with `template:`: not partials, layouts or 404.
    let pageNames: Set<String>
    /// Where their tags wrote addresses and ids, for placing a problem in the HTML they make.
    let places: TemplatePlaces
    /// The templates (with their partials and layouts) that write the page's body only as
    /// `{{{page.body}}}`: the body is then exactly the HTML the Markdown stage made.
    let writingBodyAsIs: Set<String>

    /// Sections nested deeper than this are refused: swift-mustache parses and renders them
    /// recursively, and a few thousand levels exhaust the stack.
    static let maximumDepth = 100

    /// Parses every `*.mustache` file under `folder` (name: path without extension,
    /// e.g. `partials/header`). Syntax errors, missing partials and partials that include
    /// themselves go to `log`.
    static func load(from folder: URL, relativeTo siteFolder: URL, log: inout DiagnosticLog) -> Templates {
        var sources: [String: SourceFile] = [:]
        var linked: Set<String> = []
        for link in FileTree.scan(under: folder).links {
            if link.relativePath.hasSuffix(".mustache") { linked.insert(String(link.relativePath.dropLast(".mustache".count))) }
            let said = FileTree.linkMessage(copyInto: "templates/")
            log.error(at: SourceLocation(file: FileTree.relativePath(of: folder, in: siteFolder) + "/" + link.relativePath), said)
        }
        for file in FileTree.files(under: folder, withExtension: "mustache") {
            let path = FileTree.relativePath(of: file, in: siteFolder)
            let name = String(FileTree.relativePath(of: file, in: folder).dropLast(".mustache".count))
            switch SourceFile.read(file, as: path) {
            case .failure(let diagnostic): log.append(contentsOf: [diagnostic])
            case .success(let source): sources[name] = source
            }
        }
        return make(sources, linked: linked, log: &log)
    }

    /// The templates from their text, by name. `linked` names templates that are symbolic links,
    /// already reported: a partial that names one is not also told it does not exist.
    static func make(_ sources: [String: SourceFile], linked: Set<String> = [], log: inout DiagnosticLog) -> Templates {
        var templates: [String: MustacheTemplate] = [:]
        var references: [String: [TemplateTag]] = [:]
        var allTags: [String: [TemplateTag]] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            let tags = TemplateTag.scan(source.text)
            allTags[name] = tags
            references[name] = tags.filter { ($0.kind == .partial || $0.kind == .parent) && !$0.name.isEmpty && !$0.name.hasPrefix("*") }
            guard checkShape(tags, in: source, log: &log) else { continue }
            do {
                templates[name] = try MustacheTemplate(string: source.text)
            } catch let error as MustacheTemplate.ParserError {
                if isUnclosed(error.error), let open = TemplateTag.unclosed(in: tags) {
                    // swift-mustache finds out at the end of the file; the editor needs the opening tag.
                    log.error(at: SourceLocation(file: source.path, line: open.line, column: open.column),
                              "the section \"\(open.name)\" opened here is never closed", fix: "add {{/\(open.name)}} where the section should end")
                    continue
                }
                log.error(at: SourceLocation(file: source.path, line: error.context.lineNumber, column: error.context.columnNumber),
                          "template syntax error: \(describe(error.error))", fix: fix(for: error.error))
            } catch {
                log.error(at: SourceLocation(file: source.path), "template syntax error: \(error)")
            }
        }
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in references[name] ?? [] where sources[reference.name] == nil && !linked.contains(reference.name) {
                log.error(at: SourceLocation(file: source.path, line: reference.line, column: reference.column),
                          "template \"\(name)\" uses the partial \"\(reference.name)\", but templates/\(reference.name).mustache does not exist",
                          fix: Suggestion.nearest(to: reference.name, in: sources.keys).map { "did you mean \"\($0)\"?" }
                              ?? "create templates/\(reference.name).mustache or correct the name")
            }
        }
        TemplateCycles.report(references, sources: sources, log: &log)
        if !log.hasErrors {
            TemplateNames.check(tags: allTags, sources: sources, log: &log)
        }
        // Names of every template file, parsed or not, so a page whose template has a syntax
        // error is not also told that its template is missing.
        let layouts = Set(references.values.flatMap { $0.filter { $0.kind == .parent }.map(\.name) })
        let pageTemplates = sources.keys.filter { !$0.hasPrefix("partials/") && $0 != "404" && !layouts.contains($0) }
        return Templates(library: MustacheLibrary(templates: templates), names: Set(sources.keys), pageNames: Set(pageTemplates),
                         places: TemplatePlaces(sources.values.sorted { $0.path < $1.path }),
                         writingBodyAsIs: Set(sources.keys.filter { writesBodyAsIs($0, tags: allTags, references: references) }))
    }

    /// Whether `name` and every template it includes mention the body only as `{{{page.body}}}`,
    /// not escaped, changed by a function or as a section.
    private static func writesBodyAsIs(_ name: String, tags: [String: [TemplateTag]], references: [String: [TemplateTag]]) -> Bool {
        var seen: Set<String> = [], waiting = [name]
        while let next = waiting.popLast() {
            guard seen.insert(next).inserted else { continue }
            for tag in tags[next] ?? [] where tag.kind != .partial && tag.kind != .parent && tag.name.contains("body") {
                guard tag.kind == .other, tag.sigil == "{", tag.name == "page.body" else { return false }
            }
            waiting += (references[next] ?? []).map(\.name)
        }
        return true
    }

    /// What swift-mustache cannot survive or hubsite cannot follow: sections nested too deep, and
    /// changed delimiters, behind which the partials and sections above cannot be seen.
    private static func checkShape(_ tags: [TemplateTag], in source: SourceFile, log: inout DiagnosticLog) -> Bool {
        if let change = tags.first(where: { $0.kind == .setDelimiters }) {
            log.error(at: SourceLocation(file: source.path, line: change.line, column: change.column),
                      "hubsite templates keep the {{ }} delimiters: a {{=… …=}} tag hides the partials and sections it checks",
                      fix: "remove the delimiter change and write tags with {{ }}")
            return false
        }
        var open: [TemplateTag] = []
        for tag in tags {
            if tag.kind == .open || tag.kind == .parent { open.append(tag) }
            if tag.kind == .close {
                // swift-mustache says only that the names do not match; the editor needs both.
                guard let innermost = open.popLast() else {
                    log.error(at: SourceLocation(file: source.path, line: tag.line, column: tag.column),
                              "{{/\(tag.name)}} closes a section, but no section is open here",
                              fix: "remove it, or open the section before it with {{#\(tag.name)}}")
                    return false
                }
                guard innermost.name == tag.name else {
                    log.error(at: SourceLocation(file: source.path, line: tag.line, column: tag.column),
                              "{{/\(tag.name)}} does not close the section open here: \"\(innermost.name)\", opened at line \(innermost.line), column \(innermost.column)",
                              fix: open.contains { $0.name == tag.name }
                                  ? "close \"\(innermost.name)\" first, with {{/\(innermost.name)}} before this tag: sections close innermost first"
                                  : "write {{/\(innermost.name)}} here, or correct the name of the section")
                    return false
                }
            }
            if open.count > maximumDepth {
                log.error(at: SourceLocation(file: source.path, line: tag.line, column: tag.column),
                          "sections are nested more than \(maximumDepth) deep here",
                          fix: "close the sections you opened ({{/name}}); no page needs this many levels")
                return false
            }
        }
        return true
    }

    func render(_ context: [String: Any], with name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
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

    private static func isUnclosed(_ error: Error) -> Bool {
        if case .expectedSectionEnd? = error as? MustacheTemplate.Error { return true }
        return false
    }

    private static func fix(for error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?, .expectedSectionEnd?:
            return "close each {{#name}} or {{^name}} with {{/name}}, innermost first"
        case .unfinishedName?: return "write tags as {{name}}, {{{name}}}, {{#name}} … {{/name}} or {{> partial}}"
        default: return ""
        }
    }
}
