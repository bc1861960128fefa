import Foundation

/// The hubs' own application windows, moved on a year with the programme's by `new-cohort`:
/// each value keeps its form and its time ("5pm on 13 March 2026" → "5pm on 12 March 2027"
/// would be wrong; the day of the month stays, as for the programme's dates).
struct HubDatesRollover {
    /// A hub file's new text, and a line per value moved.
    struct Rewrite {
        var path: String
        var text: String
        var changes: [String]
        /// Moved days that fall on a weekend: "applications_close falls on a Saturday: …".
        var weekendDays: [String] = []
    }

    static let keys = ["applications_open", "applications_close"]

    /// One rewrite per hub file that has its own dates.
    static func rewrites(of hubs: [(source: String, hub: Hub)], in folder: URL) throws(BuildFailure) -> [Rewrite] {
        try hubs.filter { $0.hub.applicationsOpen != nil || $0.hub.applicationsClose != nil }.map { (source, _) throws(BuildFailure) in
            try rewrite(source, in: folder)
        }
    }

    private static func rewrite(_ path: String, in folder: URL) throws(BuildFailure) -> Rewrite {
        var log = DiagnosticLog()
        guard case .success(let bytes) = SourceFile.readBytes(atPath: folder.appendingPathComponent(path).path),
              case .success(let file) = SourceFile.decode(bytes, as: path),
              case .success(let split) = FrontMatterSplit.split(file), let yaml = split.yaml,
              let front = YAMLMap.parse(yaml, file: path, firstLine: split.yamlFirstLine, log: &log) else {
            throw BuildFailure(log.all.isEmpty ? [Diagnostic(at: SourceLocation(file: path), "cannot read \(path)")] : log.all)
        }
        var edits: [YAMLScalarEdit] = []
        var changes: [String] = []
        var expected: [String: DateAndTime] = [:]
        var weekendDays: [String] = []
        for key in keys {
            guard let node = front.node(key), let written = node.string,
                  case .success(let value) = DateAndTime.parse(written), let moved = moved(written) else { continue }
            let place = front.location(of: node)
            edits.append(YAMLScalarEdit(line: place.line, column: place.column, oldValue: written, newValue: moved, marksUnconfirmed: true))
            changes.append("\(path):\(place.line): \(key) \(written) → \(moved)")
            expected[key] = DateAndTime(date: value.date.adding(years: 1), minutes: value.minutes)
            let day = value.date.adding(years: 1)
            if day.isWeekend { weekendDays.append("\(path):\(place.line): \(key) falls on a \(day.weekdayName): \(day.text).") }
        }
        let text = YAMLScalarEdit.apply(edits, to: file.text)
        // Read back: every value must now say the moved day, or nothing is written.
        var check = DiagnosticLog()
        let reread = SourceFile(path: path, text: text)
        let movedFront = (try? FrontMatterSplit.split(reread).get()).flatMap { split in
            split.yaml.flatMap { YAMLMap.parse($0, file: path, firstLine: split.yamlFirstLine, log: &check) }
        }
        for (key, value) in expected where movedFront?.node(key)?.string.flatMap({ try? DateAndTime.parse($0).get() }) != value {
            throw BuildFailure([Diagnostic(at: front.location(of: front.node(key)),
                "new-cohort cannot change \(key) where it is written (inside {…}, behind an anchor, or over several lines), so nothing was changed",
                fix: "write it on a line of its own, as `\(key): \(front.node(key)?.string ?? "")`, then run new-cohort again")])
        }
        let windowsLines = Data(bytes).firstRange(of: Data("\r\n".utf8)) != nil
        return Rewrite(path: path, text: windowsLines ? text.replacingOccurrences(of: "\n", with: "\r\n") : text, changes: changes,
                       weekendDays: weekendDays)
    }

    /// The value with its date a year on, written as it was; its time and words kept.
    static func moved(_ written: String) -> String? {
        if let match = UKDateScanner.matches(in: written).first, case .valid(let date) = match.outcome {
            var text = written
            text.replaceSubrange(match.range, with: CohortRollover.date(date.adding(years: 1), like: match.written))
            return text
        }
        guard let range = written.firstRange(of: try! Regex("[0-9]{4}-[0-9]{2}-[0-9]{2}")),
              case .success(let date) = DateValue.parse(String(written[range])) else { return nil }
        var text = written
        text.replaceSubrange(range, with: date.adding(years: 1).iso)
        return text
    }
}
