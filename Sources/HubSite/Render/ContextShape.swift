/// What a template's context holds, without the values: which names exist, and which hold
/// lists or nested names. Made from a real context, so that it is the templates' vocabulary.
indirect enum ContextShape: Equatable, Sendable {
    /// Text, a number or a flag: nothing inside it to name.
    case value
    case names([String: ContextShape])
    /// A list: a section over it sees each item's names.
    case list(ContextShape)

    init(of value: Any) {
        switch value {
        case let dictionary as [String: Any]:
            self = .names(dictionary.mapValues(ContextShape.init(of:)))
        case let array as [Any]:
            self = .list(array.map(ContextShape.init(of:)).reduce(.value) { $0.merged(with: $1) })
        default:
            self = .value
        }
    }

    /// Both shapes' names: a name any page has is a name the templates may use.
    func merged(with other: ContextShape) -> ContextShape {
        switch (self, other) {
        case (.names(let first), .names(let second)): return .names(first.merging(second) { $0.merged(with: $1) })
        case (.list(let first), .list(let second)): return .list(first.merged(with: second))
        case (.value, _): return other
        default: return self
        }
    }

    func child(_ name: String) -> ContextShape? {
        if case .names(let names) = self { return names[name] }
        return nil
    }

    var names: [String] {
        if case .names(let names) = self { return names.keys.sorted() }
        return []
    }

    /// What a section over a value of this shape sees: a list's items, a mapping's names;
    /// for a flag or text, nothing new.
    var sectionFrame: ContextShape {
        if case .list(let item) = self { return item }
        return self
    }
}
