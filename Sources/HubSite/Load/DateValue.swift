/// A date written as a value in YAML: "16 December 2025" (as in prose) or "2025-12-16".
enum DateValue {
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
            return .failure(.wrongWeekday("\(date.text) is a \(date.weekdayName), not a \(written)"))
        }
    }
}

extension YAMLMap {
    /// A date value, with a message that shows the accepted forms.
    func date(_ key: String, log: inout DiagnosticLog) -> CalendarDate? {
        guard let text = string(key, log: &log) else { return nil }
        switch DateValue.parse(text) {
        case .success(let date): return date
        case .failure(.notADate):
            log.error(at: location(of: node(key)), "\"\(key)\" is not a date: \"\(text)\"",
                      fix: "write the date like \"16 December 2025\" or \"2025-12-16\"")
        case .failure(.impossible(let reason)):
            log.error(at: location(of: node(key)), "impossible date \"\(text)\": \(reason)",
                      fix: "check the day and the month")
        case .failure(.wrongWeekday(let reason)):
            log.error(at: location(of: node(key)), "wrong weekday in \"\(text)\": \(reason)",
                      fix: "correct the weekday, or leave it out")
        }
        return nil
    }
}
