import Foundation
import Yams

/// A YAML mapping read for an editor: every value knows where it was written, and every
/// wrong key or value becomes a diagnostic with that place and a fix.
struct YAMLMap {
    let file: String
    /// Added to Yams' line numbers: front matter starts on line 2 of a content file.
    let lineOffset: Int
    let mapping: Node.Mapping
    let location: SourceLocation
    /// Keys as text: looking a key up in a `Node.Mapping` compares whole nodes and resolves
    /// their tags every time, which made YAML lookups a quarter of a hub-heavy build.
    private let byKey: [String: Node]
    /// The YAML's lines, for what Yams does not keep: the comment at the end of a value's line.
    private let lines: [Substring]

    init(file: String, lineOffset: Int, mapping: Node.Mapping, location: SourceLocation, lines: [Substring] = []) {
        self.file = file
        self.lines = lines
        self.lineOffset = lineOffset
        self.mapping = mapping
        self.location = location
        var byKey: [String: Node] = [:]
        for (key, value) in mapping {
            if let name = key.string, byKey[name] == nil { byKey[name] = value }
        }
        self.byKey = byKey
    }

    /// Parses `yaml` (which starts on line `firstLine` of `file`) into a mapping.
    /// Empty YAML is an empty mapping; anything else that is not a mapping is an error.
    static func parse(_ yaml: String, file: String, firstLine: Int, log: inout DiagnosticLog) -> YAMLMap? {
        let offset = firstLine - 1
        let start = SourceLocation(file: file, line: firstLine)
        // libyaml refuses these too, but says neither where nor which.
        if let control = firstControlCharacter(in: yaml) {
            log.error(at: SourceLocation(file: file, line: control.line + offset, column: control.column),
                      "this line holds an invisible control character (\(control.code))",
                      fix: "delete it: retype the line if you cannot see where it is")
            return nil
        }
        if YAMLExpansion.exceeds(maximumNodes, in: yaml) {
            log.error(at: start, "this YAML expands to more than \(maximumNodes) values (aliases that repeat other aliases?)",
                      fix: "write the values out in full; front matter needs no anchors (&) or aliases (*)")
            return nil
        }
        do {
            // Composing makes nodes, not Swift values: an empty constructor spares building
            // Yams' default one (three dictionaries of closures) for every page.
            guard let node = try Yams.compose(yaml: yaml, Resolver.basic, Constructor([:], [:], [:]), .utf8) else {
                return YAMLMap(file: file, lineOffset: offset, mapping: Node.Mapping([]), location: start)
            }
            guard let mapping = node.mapping else {
                log.error(at: location(of: node.mark, file: file, offset: offset) ?? start,
                          "expected \"key: value\" lines here, found \(describe(node))",
                          fix: "write one \"key: value\" per line, e.g. \"title: Accessibility\"")
                return nil
            }
            return YAMLMap(file: file, lineOffset: offset, mapping: mapping,
                           location: location(of: node.mark, file: file, offset: offset) ?? start,
                           lines: yaml.split(separator: "\n", omittingEmptySubsequences: false))
        } catch let error as YamlError {
            if let duplicate = duplicateKey(in: error, yaml: yaml) {
                log.error(at: SourceLocation(file: file, line: duplicate.line + offset, column: duplicate.column),
                          "the key \"\(duplicate.key)\" is written twice (first on line \(duplicate.firstLine + offset))",
                          fix: "keep one of the two lines")
                return nil
            }
            let (mark, problem) = describe(error)
            // libyaml says "found character that cannot start any token" of a tab.
            if let tab = indentingTab(in: yaml, upToLine: mark?.line ?? Int.max) {
                log.error(at: SourceLocation(file: file, line: tab.line + offset, column: tab.column),
                          "this line is indented with a tab, and YAML allows only spaces there",
                          fix: "indent with spaces: replace the tab with two spaces (editors have a setting to insert spaces for Tab)")
                return nil
            }
            let plain = YAMLProblem.explain(problem.problem, context: problem.context)
            log.error(at: location(of: mark, file: file, offset: offset) ?? start, plain)
            return nil
        } catch {
            log.error(at: start, "invalid YAML: the text could not be read as YAML")
            return nil
        }
    }

    // MARK: - Keys

    func node(_ key: String) -> Node? { byKey[key] }

    /// The same mapping without `key`: for keys a caller has already handled.
    /// Whether the line of `key`'s value has the comment "# unconfirmed…": the mark
    /// `hubsite new-cohort` leaves on a date it moved on, until an editor confirms it.
    func isUnconfirmed(_ key: String) -> Bool {
        guard let line = node(key)?.mark?.line, lines.indices.contains(line - 1),
              let comment = lines[line - 1].range(of: " #") else { return false }
        return lines[line - 1][comment.lowerBound...].lowercased().contains("# unconfirmed")
    }

    func without(_ key: String) -> YAMLMap {
        YAMLMap(file: file, lineOffset: lineOffset, mapping: Node.Mapping(mapping.filter { $0.key.string != key }.map { ($0.key, $0.value) }), location: location,
                lines: lines)
    }

    func location(of node: Node?) -> SourceLocation {
        Self.location(of: node?.mark, file: file, offset: lineOffset) ?? location
    }

    func location(ofKey key: String) -> SourceLocation {
        location(of: mapping.first { $0.key.string == key }?.key)
    }

    /// One error per key that is not in `allowed`, suggesting the nearest allowed one.
    func rejectUnknownKeys(allowed: [String], log: inout DiagnosticLog, what: String) {
        for (key, _) in mapping {
            guard let name = key.string else {
                log.error(at: location(of: key), "a key of \(what) is a list or a mapping; keys are single words such as \"\(allowed.first ?? "title")\"",
                          fix: "remove the \"? \" line (or the brackets) and write the key as a word followed by a colon")
                continue
            }
            guard !allowed.contains(name) else { continue }
            log.error(at: location(of: key), "unknown key \"\(name)\" in \(what)",
                      fix: Suggestion.hint(for: name, in: allowed))
        }
    }

    /// The value of a key that must be there. A missing key is one error, saying what to write
    /// (never a made-up value); a misspelt one is left to `rejectUnknownKeys`, which names it.
    func requireKey(_ key: String, log: inout DiagnosticLog, what: String, value: String) -> Node? {
        if let found = node(key), found.null == nil { return found }
        let misspelt = mapping.contains { entry in entry.key.string.map { $0 != key && Suggestion.nearest(to: $0, in: [key]) == key } ?? false }
        if !misspelt { log.error(at: location, "\(what) has no \"\(key)\"", fix: "add a line \"\(key): …\" with \(value)") }
        return nil
    }

    // MARK: - Values

    /// A scalar as text; a list or mapping where text belongs is an error.
    func string(_ key: String, log: inout DiagnosticLog) -> String? {
        guard let value = node(key), value.null == nil else { return nil }
        guard case .scalar(let scalar) = value else {
            log.error(at: location(of: value), "\"\(key)\" must be a single value, found \(Self.describe(value))",
                      fix: "write it on the same line as the key: \"\(key): …\"")
            return nil
        }
        return checkedText(scalar.string, at: value, log: &log)
    }

    /// Text as readers see it: a control character (a NUL, a carriage return written as "\r" in
    /// quotes) would be invisible on the page and could start a new line in a calendar file.
    /// Line breaks of a block value (`|`) and tabs are text.
    func checkedText(_ text: String, at node: Node, log: inout DiagnosticLog) -> String? {
        guard let control = text.unicodeScalars.first(where: \.isInvisibleControl) else {
            return text
        }
        log.error(at: location(of: node), "this value holds an invisible control character (\(control.codePoint)\(control == "\r" ? ", a carriage return" : ""))",
                  fix: "retype the value without it; in quotes, write no \\r, \\0 or other \\ escapes")
        return nil
    }

    /// Text readers see (a title, a hub's name, an event's title), with `{{cohort.…}}` and
    /// `{{site.…}}` replaced; an unknown variable is an error at its own column where the value
    /// sits on one line.
    func text(_ key: String, variables: TextVariables, log: inout DiagnosticLog) -> String? {
        string(key, log: &log).map { substituted($0, at: node(key)!, variables: variables, log: &log) }
    }

    func substituted(_ text: String, at node: Node, variables: TextVariables, log: inout DiagnosticLog) -> String {
        let result = variables.substitute(in: text)
        for problem in result.problems {
            log.error(at: location(of: node, atByte: problem.place, in: text), problem.message, fix: problem.fix)
        }
        let (dates, otherDates) = checkDates(in: text, at: node, log: &log)
        if let cohort = variables.cohort {
            for finding in StaleDateLint.findings(in: text, cohort: cohort, dates: dates, otherDates: otherDates) {
                log.warning(at: location(of: node, atByte: finding.place, in: text), finding.message, fix: finding.fix)
            }
        }
        return result.text
    }

    /// The dates in a text readers see are checked as the body's are: a wrong weekday or an
    /// impossible day is an error, a date in another form a warning.
    @discardableResult
    private func checkDates(in text: String, at node: Node, log: inout DiagnosticLog) -> ([UKDateScanner.Match], [OtherDateForms.Match]) {
        guard text.contains(where: \.isNumber) else { return ([], []) }
        let dates = UKDateScanner.matches(in: text)
        for match in dates {
            if let problem = match.outcome.problem(written: match.written) {
                log.error(at: location(of: node, atByte: match.byteOffset, in: text), problem)
            }
        }
        let otherDates = OtherDateForms.matches(in: text, ukDates: dates)
        for other in otherDates {
            log.warning(at: location(of: node, atByte: other.byteOffset, in: text),
                        "the date \"\(other.written)\" is not written the UK way, so it is not checked",
                        fix: other.ukForm.map { "write it as \"\($0)\"" } ?? "write it as day, month and year, e.g. \"30 April 2026\", and check the numbers: they are no real day")
        }
        return (dates, otherDates)
    }

    /// Where byte `offset` of a value is: its own column when the value sits on one line,
    /// plain or quoted; otherwise the value's start.
    private func location(of node: Node, atByte offset: Int, in text: String) -> SourceLocation {
        var place = location(of: node)
        if case .scalar(let scalar) = node, !text.contains("\n") {
            switch scalar.style {
            case .plain, .any: place.column += offset
            case .singleQuoted, .doubleQuoted: place.column += offset + 1
            default: break
            }
        }
        return place
    }

    /// A whole number in `range`: a number too large for the computer is out of range too, never a crash.
    func int(_ key: String, in range: ClosedRange<Int>, log: inout DiagnosticLog) -> Int? {
        guard let text = string(key, log: &log) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            let digits = text.drop { $0 == "-" || $0 == "+" }
            let isNumber = !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
            log.error(at: location(of: node(key)),
                      isNumber ? "\"\(key)\" must be from \(range.lowerBound) to \(range.upperBound), found \(text)"
                               : "\"\(key)\" must be a whole number, found \"\(text)\"")
            return nil
        }
        return number
    }

    func bool(_ key: String, log: inout DiagnosticLog) -> Bool? {
        guard let text = string(key, log: &log) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            log.error(at: location(of: node(key)), "\"\(key)\" must be true or false, found \"\(text)\"")
            return nil
        }
    }

    func map(_ key: String, log: inout DiagnosticLog) -> YAMLMap? {
        guard let value = node(key), value.null == nil else { return nil }
        guard let mapping = value.mapping else {
            log.error(at: location(of: value), "\"\(key)\" must hold \"key: value\" lines, found \(Self.describe(value))",
                      fix: "indent its keys under \"\(key):\", one per line")
            return nil
        }
        // Messages about the mapping as a whole ("has no …") point at its key.
        return YAMLMap(file: file, lineOffset: lineOffset, mapping: mapping, location: location(ofKey: key), lines: lines)
    }

    /// A list of nodes; a single scalar counts as a list of one.
    func list(_ key: String, log: inout DiagnosticLog) -> [Node]? {
        guard let value = node(key), value.null == nil else { return nil }
        switch value {
        case .sequence(let sequence): return Array(sequence)
        case .scalar: return [value]
        default:
            log.error(at: location(of: value), "\"\(key)\" must be a list, found \(Self.describe(value))",
                      fix: "write one \"- item\" per line under \"\(key):\"")
            return nil
        }
    }

    func submap(_ node: Node) -> YAMLMap? {
        node.mapping.map { YAMLMap(file: file, lineOffset: lineOffset, mapping: $0, location: location(of: node), lines: lines) }
    }

    // MARK: - Helpers

    /// A character other than a line break or tab below U+0020, DEL, or a C1 control.
    static func firstControlCharacter(in text: String) -> (line: Int, column: Int, code: String)? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let found = line.unicodeScalars.firstIndex(where: \.isInvisibleControl) else { continue }
            let scalar = line.unicodeScalars[found]
            return (index + 1, line.utf8.distance(from: line.startIndex, to: found) + 1, scalar.codePoint)
        }
        return nil
    }

    /// The first tab in a line's indentation, up to the line where libyaml gave up.
    private static func indentingTab(in yaml: String, upToLine last: Int) -> (line: Int, column: Int)? {
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).prefix(last).enumerated() {
            let indentation = line.prefix { $0 == " " || $0 == "\t" || $0 == "-" }
            if let tab = indentation.firstIndex(of: "\t") {
                return (index + 1, line.distance(from: line.startIndex, to: tab) + 1)
            }
        }
        return nil
    }

    /// libyaml names a duplicated key but places the error at the start of its mapping: find
    /// the key's second line instead.
    private static func duplicateKey(in error: YamlError, yaml: String) -> (key: String, line: Int, column: Int, firstLine: Int)? {
        guard case .duplicatedKeysInMapping(let duplicates, let context) = error, let key = duplicates.first else { return nil }
        var lines: [(Int, Int)] = []
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 >= context.mark.line {
            let indent = line.prefix { $0 == " " || $0 == "-" }.count
            let rest = line.dropFirst(indent)
            if rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).first == ":", lines.first.map({ $0.1 == indent + 1 }) ?? true {
                lines.append((index + 1, indent + 1))
            }
        }
        guard lines.count >= 2 else { return nil }
        return (key, lines[1].0, lines[1].1, lines[0].0)
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "\"\(scalar.string)\""
        case .mapping: return "a set of \"key: value\" lines"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private static func location(of mark: Mark?, file: String, offset: Int) -> SourceLocation? {
        mark.map { SourceLocation(file: file, line: $0.line + offset, column: $0.column) }
    }

    private static func describe(_ error: YamlError) -> (Mark?, (problem: String, context: String?)) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // An unclosed quote is found at the end of the file; the editor needs where it opened.
            let unclosed = problem == "found unexpected end of stream" && context?.text.contains("quoted scalar") == true
            return (unclosed ? context?.mark ?? mark : mark, (problem, context?.text))
        case .reader(let problem, _, _, _):
            return (nil, (problem, nil))
        default:
            return (nil, ("the text could not be read as YAML", nil))  // never the error itself: it quotes the whole file
        }
    }

    /// The most values front matter may expand to (see YAMLExpansion), far above any real page's.
    static let maximumNodes = 100_000
}

extension Unicode.Scalar {
    /// A control character that is not text's own line break or tab.
    var isInvisibleControl: Bool {
        properties.generalCategory == .control && self != "\n" && self != "\t"
    }

    /// "U+000D"
    var codePoint: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
