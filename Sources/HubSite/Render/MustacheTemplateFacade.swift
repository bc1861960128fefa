import Mustache

/// One template parsed on its own, for the template fuzzer.
struct MustacheTemplateFacade {
    private let template: MustacheTemplate

    static func parse(_ source: String) throws -> MustacheTemplateFacade {
        MustacheTemplateFacade(template: try MustacheTemplate(string: source))
    }

    func render(_ context: [String: Any]) -> String {
        template.render(context)
    }
}
