/// A template that includes itself, directly or through others, renders for ever (swift-mustache
/// follows it until the stack runs out). hubsite's templates have no use for recursion, so
/// every such loop is an error naming each include on it.
enum TemplateCycles {
    static func report(_ references: [String: [TemplateTag]], sources: [String: SourceFile], log: inout DiagnosticLog) {
        var reported: Set<[String]> = []
        for start in references.keys.sorted() {
            for cycle in cycles(from: start, references) {
                // Each loop once, however many of its templates it is found from.
                let members = cycle.map(\.from).sorted()
                guard reported.insert(members).inserted, let first = cycle.first, let path = sources[first.from]?.path else { continue }
                let chain = cycle.map { step in
                    "\(sources[step.from]?.path ?? step.from):\(step.tag.line) includes \"\(step.tag.name)\""
                }
                log.error(at: SourceLocation(file: path, line: first.tag.line, column: first.tag.column),
                          cycle.count == 1 ? "the template \"\(first.from)\" includes itself: \(chain[0])"
                              : "the template \"\(first.from)\" includes itself through others: \(chain.joined(separator: ", then "))",
                          fix: "remove one of these includes: a template may not include itself, directly or through another")
            }
        }
    }

    struct Step {
        var from: String
        var tag: TemplateTag
    }

    /// The loops that lead from `start` back to it, each as its steps in order.
    private static func cycles(from start: String, _ references: [String: [TemplateTag]]) -> [[Step]] {
        var found: [[Step]] = []
        var path: [Step] = []
        var visited: Set<String> = []
        func walk(_ name: String) {
            guard visited.insert(name).inserted else { return }
            for tag in references[name] ?? [] {
                path.append(Step(from: name, tag: tag))
                if tag.name == start {
                    found.append(path)
                } else {
                    walk(tag.name)
                }
                path.removeLast()
            }
        }
        walk(start)
        return found
    }
}
