import Foundation

/// Where each template wrote the addresses and ids of its tags, read once per template from
/// its tags: a problem in HTML a template made is reported at the template's line.
struct TemplatePlaces: Sendable {
    typealias Place = (location: SourceLocation, written: String)
    /// Each `id`, `href` and `src` value (`{{root}}hubs/`), with its first place and how it is
    /// written there (`key&#45;dates.ics` for `key-dates.ics`).
    private var places: [String: Place] = [:]
    /// Values that start with a tag and end in plain text (`{{url}}key-dates.ics`), in order:
    /// the text they end in, and where.
    private var endings: [(ending: String, place: Place)] = []

    init(_ sources: [SourceFile]) {
        for source in sources {
            HTMLScanner.scan(source.text) { event in
                guard case .tag(let tag) = event, !tag.isClosing else { return }
                for attribute in tag.attributes.list where ["id", "href", "src"].contains(attribute.name) {
                    let value = attribute.value
                    let place = (SourceLocation(file: source.path, line: attribute.line, column: attribute.column), attribute.written ?? value)
                    if places[value] == nil { places[value] = place }
                    if value.hasPrefix("{{"), let close = value.range(of: "}}", options: .backwards) {
                        let ending = String(value[close.upperBound...].drop { $0 == "}" })
                        if !ending.isEmpty, !ending.contains("{{") { endings.append((ending, place)) }
                    }
                }
            }
        }
    }

    /// Where `value`, met in a page whose root is `root` (`../`), was written, and how.
    func locate(_ value: String, root: String) -> Place? {
        guard !value.isEmpty else { return nil }
        if let place = places[value] { return place }
        if value.hasPrefix(root) {
            let rest = value.dropFirst(root.count)
            for written in ["{{root}}" + rest, "{{{root}}}" + rest, "{{ root }}" + rest] {
                if let place = places[written] { return place }
            }
        }
        return endings.first { value.hasSuffix($0.ending) }?.place
    }
}
