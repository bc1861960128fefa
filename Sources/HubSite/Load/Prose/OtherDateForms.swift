/// Dates in prose written in a form other than the UK one hubsite reads ("30 April 2026"):
/// "April 30, 2026", "30/04/2026", "30.04.2026", "15 Dec. 2026". They would get no `<time>` and
/// no check, so the stage warns and shows the UK form to write.
enum OtherDateForms {
    struct Match: Equatable {
        var byteOffset: Int
        var written: String
        /// The same day the UK way, or nil when the numbers are no real day.
        var ukForm: String?
    }

    private static let months = "January|February|March|April|May|June|July|August|September|October|November|December"
    private static let abbreviations = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"

    // April 30, 2026 / Apr 30th 2026
    // Regex is an immutable value, safe to share between the threads that build pages.
    nonisolated(unsafe) private static let monthFirst = try! Regex("\\b(\(months)|\(abbreviations))\\.? ([0-9]{1,2})(?:st|nd|rd|th)?,? ([0-9]{4})\\b")
    // 15 Dec. 2026 (without the full stop it is the UK form itself)
    nonisolated(unsafe) private static let shortMonth = try! Regex("\\b([0-9]{1,2})(?:st|nd|rd|th)? (\(abbreviations))\\. ([0-9]{4})\\b")
    // 30/04/2026, 30.04.2026: day first, as in the UK.
    nonisolated(unsafe) private static let numeric = try! Regex("\\b([0-9]{1,2})([/.])([0-9]{1,2})\\2([0-9]{4})\\b")

    /// `ukDates` are the text's dates in the UK form, found already: every other form ends in a
    /// four-digit year, so when each such year belongs to a UK date there is nothing to look
    /// for, and the regular expressions (the slowest part of a build when run on every text
    /// that holds a digit) are not run.
    static func matches(in text: String, ukDates: [UKDateScanner.Match]) -> [Match] {
        guard text.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else { return [] }
        let years = fourDigitNumbers(in: text)
        guard years.contains(where: { year in !ukDates.contains { $0.range.contains(year) } }) else { return [] }
        var found: [Match] = []
        func add(_ range: Range<String.Index>, _ date: CalendarDate?) {
            found.append(Match(byteOffset: text.utf8.distance(from: text.startIndex, to: range.lowerBound),
                               written: String(text[range]), ukForm: date?.text))
        }
        // Each expression runs only where what it needs is there: a month's capitalised first
        // three letters, or a "/" or "." between numbers ("Page 1234" has neither).
        let namesAMonth = monthPrefixes.contains { TextBytes.contains($0, in: text) }
        for match in namesAMonth ? text.matches(of: monthFirst) : [] {
            add(match.range, date(day: match.output[2].substring, month: match.output[1].substring, year: match.output[3].substring))
        }
        for match in namesAMonth ? text.matches(of: shortMonth) : [] {
            add(match.range, date(day: match.output[1].substring, month: match.output[2].substring, year: match.output[3].substring))
        }
        let hasSeparator = text.utf8.contains(UInt8(ascii: "/")) || text.utf8.contains(UInt8(ascii: "."))
        for match in hasSeparator ? text.matches(of: numeric) : [] {
            // Not part of a longer run of numbers, such as a version 1.2.30.04.2026.
            if match.range.lowerBound > text.startIndex, ".//".contains(text[text.index(before: match.range.lowerBound)]) { continue }
            if match.range.upperBound < text.endIndex, ".//".contains(text[match.range.upperBound]),
               text[text.index(after: match.range.upperBound)...].first?.isNumber == true { continue }
            let (day, month, year) = (match.output[1].substring, match.output[3].substring, match.output[4].substring)
            add(match.range, date(day: day, month: month, year: year))
        }
        return found.sorted { $0.byteOffset < $1.byteOffset }
    }

    private static let monthPrefixes = CalendarDate.monthNames.map { String($0.prefix(3)) }

    /// Where each run of exactly four digits starts.
    private static func fourDigitNumbers(in text: String) -> [String.Index] {
        var starts: [String.Index] = []
        var runStart: String.Index?
        var index = text.utf8.startIndex
        while true {
            let isDigit = index < text.utf8.endIndex && (48...57).contains(text.utf8[index])
            if isDigit, runStart == nil { runStart = index }
            if !isDigit, let start = runStart {
                if text.utf8.distance(from: start, to: index) == 4 { starts.append(start) }
                runStart = nil
            }
            guard index < text.utf8.endIndex else { return starts }
            index = text.utf8.index(after: index)
        }
    }

    private static func date(day: Substring?, month: Substring?, year: Substring?) -> CalendarDate? {
        guard let day = day.flatMap({ Int($0) }), let month, let year = year.flatMap({ Int($0) }) else { return nil }
        let number = Int(month) ?? CalendarDate.monthNames.firstIndex { $0.lowercased().hasPrefix(month.lowercased().prefix(3)) }.map { $0 + 1 }
        return number.flatMap { CalendarDate(year: year, month: $0, day: day) }
    }
}
