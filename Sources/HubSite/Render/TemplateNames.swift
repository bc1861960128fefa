/// Every name a template writes, held against what its context offers (TemplateVocabulary):
/// a misspelt `{{hub.nmae}}` would render as nothing, silently, on every hub page. Names are
/// resolved as Mustache resolves them: the first part from the innermost section outwards, the
/// rest inside it. Partials and parent templates are followed with the sections open around them.
struct TemplateNames {
    let tags: [String: [TemplateTag]]
    let sources: [String: SourceFile]
    let vocabulary: ContextShape

    /// One error per unknown name, at its tag; each template is checked from the page's context,
    /// and again wherever it is included.
    static func check(tags: [String: [TemplateTag]], sources: [String: SourceFile], vocabulary: ContextShape = TemplateVocabulary.shape,
                      log: inout DiagnosticLog) {
        let checker = TemplateNames(tags: tags, sources: sources, vocabulary: vocabulary)
        var found: [String: Diagnostic] = [:]
        for name in tags.keys.sorted() {
            checker.walk(name, stack: [vocabulary], including: [], into: &found)
        }
        log.append(contentsOf: found.values.sorted())
    }

    private func walk(_ template: String, stack: [ContextShape], including: Set<String>, into found: inout [String: Diagnostic]) {
        guard let tags = tags[template], let source = sources[template], !including.contains(template) else { return }
        var stack = stack
        for tag in tags {
            switch tag.kind {
            case .open:
                // A block ({{$name}}) is a place to fill, not a name of the context.
                let shape = tag.sigil == "$" ? nil : resolve(tag.name, in: stack, at: tag, source: source, into: &found)
                stack.append(tag.sigil == "#" ? (shape?.sectionFrame ?? .value) : .value)
            case .parent:
                walk(tag.name, stack: stack, including: including.union([template]), into: &found)
                stack.append(.value)
            case .partial:
                walk(tag.name, stack: stack, including: including.union([template]), into: &found)
            case .close:
                if stack.count > 1 { stack.removeLast() }
            case .other:
                guard tag.sigil != "!", tag.sigil != "%" else { continue }
                let name = tag.sigil == "&" ? String(tag.name.dropFirst().drop { $0 == " " }) : tag.name
                _ = resolve(name, in: stack, at: tag, source: source, into: &found)
            case .setDelimiters:
                return
            }
        }
    }

    /// The shape `name` stands for, or nil (and an error) when the context has no such name.
    private func resolve(_ written: String, in stack: [ContextShape], at tag: TemplateTag, source: SourceFile,
                         into found: inout [String: Diagnostic]) -> ContextShape? {
        // A transform, `uppercased(name)`, works on the name inside it.
        var name = written
        if let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
            name = String(name[name.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
        }
        guard !name.isEmpty, name != "." else { return .value }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard var shape = stack.reversed().lazy.compactMap({ $0.child(parts[0]) }).first else {
            let known = Set(stack.flatMap(\.names))
            report(name, "neither the sections open here nor the page have \"\(parts[0])\"", nearest: Suggestion.nearest(to: parts[0], in: known), at: tag, source: source, into: &found)
            return nil
        }
        for (index, part) in parts.enumerated().dropFirst() {
            guard let next = shape.child(part) else {
                let prefix = parts[..<index].joined(separator: ".")
                report(name, "\"\(prefix)\" has no \"\(part)\"", nearest: Suggestion.nearest(to: part, in: Set(shape.names)).map { prefix + "." + $0 },
                       at: tag, source: source, into: &found)
                return nil
            }
            shape = next
        }
        return shape
    }

    private func report(_ name: String, _ reason: String, nearest: String?, at tag: TemplateTag, source: SourceFile,
                        into found: inout [String: Diagnostic]) {
        let location = SourceLocation(file: source.path, line: tag.line, column: tag.column)
        found["\(location)"] = Diagnostic(at: location, "unknown variable \"{{\(name)}}\": \(reason), so it would show nothing",
                                          fix: nearest.map { "did you mean \"{{\($0)}}\"? (see docs/EDITING.md: templates)" }
                                              ?? "use one of the names listed in docs/EDITING.md: templates")
    }
}
