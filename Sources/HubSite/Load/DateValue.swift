/// A date written as a value in YAML: any form prose accepts ("16 December 2025",
/// "Fri 12 June 2026", "12th June 2026", "12 jun 2026") or "2025-12-16".
enum DateValue {
    /// What `parse` reads, as the JSON Schemas' pattern (a test keeps schemas/ equal to it).
    static var schemaPattern: String { "^ *(\(UKDateScanner.schemaPattern)|[0-9]{4}-[0-9]{2}-[0-9]{2}) *$" }

    enum Problem: Error, Equatable {
        case notADate
        case impossible(String)
        case wrongWeekday(String)
    }

    static func parse(_ text: String) -> Result<CalendarDate, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
           let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) {
            guard let date = CalendarDate(year: year, month: month, day: day) else {
                return .failure(.impossible("\(trimmed) is not a day in the calendar"))
            }
            return .success(date)
        }
        let matches = UKDateScanner.matches(in: trimmed)
        guard matches.count == 1, let match = matches.first, match.written == trimmed else { return .failure(.notADate) }
        switch match.outcome {
        case .valid(let date): return .success(date)
        case .impossible(let reason): return .failure(.impossible(reason))
        case .wrongWeekday(let date, let written):
            return .failure(.wrongWeekday(UKDateScanner.Outcome.weekdayReason(date, written)))
        }
    }
}

extension DateAndTime {
    /// What `parse` reads, as the JSON Schemas' pattern (a test keeps schemas/ equal to it).
    static var schemaPattern: String {
        let date = "(\(UKDateScanner.schemaPattern)|[0-9]{4}-[0-9]{2}-[0-9]{2})"
        let time = "([0-9]{1,2}([:.][0-9]{2})? *[AaPp][Mm]|[0-9]{1,2}[:.][0-9]{2}|(12 )?([Nn][Oo][Oo][Nn]|[Mm][Ii][Dd][Dd][Aa][Yy]))"
        return "^ *(\(time) +[Oo][Nn] +\(date)|\(date)( +[Aa][Tt] +|, +)\(time)|\(date)) *$"
    }

    static func parse(_ text: String) -> Result<DateAndTime, DateValue.Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        // The time before " on " or after " at " or ", ".
        var datePart = trimmed, timePart: String?
        if let on = lower.range(of: " on ") {
            timePart = String(trimmed[..<on.lowerBound]); datePart = String(trimmed[on.upperBound...])
        } else if let at = lower.range(of: " at ", options: .backwards) ?? lower.range(of: ", ", options: .backwards),
                  case .success = DateValue.parse(String(trimmed[..<at.lowerBound])) {
            datePart = String(trimmed[..<at.lowerBound]); timePart = String(trimmed[at.upperBound...])
        }
        switch DateValue.parse(datePart) {
        case .failure(let problem): return .failure(problem)
        case .success(let date):
            guard let timePart else { return .success(DateAndTime(date: date)) }
            switch EventTime.parse(timePart) {
            case .success(let time) where time.end == nil: return .success(DateAndTime(date: date, minutes: time.start))
            case .success: return .failure(.notADate)
            case .failure(let problem): return .failure(.impossible(problem.message))
            }
        }
    }
}

extension YAMLMap {
    /// A date with an optional time, with a message that shows the accepted forms.
    func dateAndTime(_ key: String, log: inout DiagnosticLog) -> DateAndTime? {
        guard let text = string(key, log: &log) else { return nil }
        switch DateAndTime.parse(text) {
        case .success(let value): return value
        case .failure(let problem):
            report(problem, key: key, text: text, forms: "\"13 March 2026\", \"5pm on 13 March 2026\" or \"13 March 2026 at 17:00\"",
                   check: "check the day, the month and the time", log: &log)
            return nil
        }
    }

    /// A date value, with a message that shows the accepted forms.
    func date(_ key: String, log: inout DiagnosticLog) -> CalendarDate? {
        guard let text = string(key, log: &log) else { return nil }
        switch DateValue.parse(text) {
        case .success(let date): return date
        case .failure(let problem):
            report(problem, key: key, text: text, forms: "\"16 December 2025\", \"Tue 16 Dec 2025\" or \"2025-12-16\"",
                   check: "check the day and the month", log: &log)
            return nil
        }
    }

    private func report(_ problem: DateValue.Problem, key: String, text: String, forms: String, check: String, log: inout DiagnosticLog) {
        switch problem {
        case .notADate:
            log.error(at: location(of: node(key)), "\"\(key)\" is not a date: \"\(text)\"",
                      fix: "write the date like \(forms)")
        case .impossible(let reason):
            log.error(at: location(of: node(key)), UKDateScanner.impossible(text, reason, fix: check))
        case .wrongWeekday(let reason):
            log.error(at: location(of: node(key)), UKDateScanner.wrongWeekday(text, reason))
        }
    }
}
