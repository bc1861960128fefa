/// Where a Markdown body sits in its file: cmark numbers lines from the body's first line,
/// which is below the front matter.
struct BodyPlacement: Sendable {
    var file: String
    var firstLine: Int

    func location(_ position: SourcePosition) -> SourceLocation {
        SourceLocation(file: file, line: position.line + firstLine - 1, column: position.column)
    }

    /// An event of the body with its tag's line counted in the file.
    func placed(_ event: HTML.Event) -> HTML.Event {
        guard case .tag(var tag) = event, !tag.isClosing else { return event }
        tag.line += firstLine - 1
        for index in tag.attributes.list.indices { tag.attributes.list[index].line += firstLine - 1 }
        return .tag(tag)
    }
}
