/// Finds dates written the UK way, in prose and in front matter alike: "16 December 2025",
/// "Tuesday 16 December 2025", "16th December 2025", "Tue 16 Dec 2025", "16 december 2025"
/// (day, month, year; months and weekdays in full or short, in any case). It reads words, not Markdown: cmark has already split the text from
/// code and markup, and hands only text runs here. It works on UTF-8 bytes because it runs on
/// every run of text of every page.
enum UKDateScanner {
    struct Match: Equatable {
        /// The words of the date as written, e.g. "Tuesday 16 December 2025".
        var range: Range<String.Index>
        /// Bytes from the start of the text to the date, for the column in messages.
        var byteOffset: Int
        var written: String
        var outcome: Outcome
    }

    enum Outcome: Equatable {
        /// What an editor is told of a date that is not valid, the same in Markdown and front matter.
        func problem(written: String) -> Problem? {
            switch self {
            case .valid: return nil
            case .impossible(let reason): return UKDateScanner.impossible(written, reason)
            case .wrongWeekday(let date, let weekday): return UKDateScanner.wrongWeekday(written, Self.weekdayReason(date, weekday))
            }
        }

        /// "16 December 2025 is a Tuesday, not a Monday".
        static func weekdayReason(_ date: CalendarDate, _ written: String) -> String {
            "\(date.text) is a \(date.weekdayName), not a \(written)"
        }

        case valid(CalendarDate)
        /// A date that no calendar has, with the reason ("February 2026 has 28 days").
        case impossible(String)
        /// A real date with the wrong weekday in front of it.
        case wrongWeekday(CalendarDate, written: String)
    }

    /// A date no calendar has, as every reader of dates says it.
    static func impossible(_ written: String, _ reason: String, fix: String = "check the day and the month") -> Problem {
        Problem(message: "impossible date \"\(written)\": \(reason)", fix: fix)
    }

    /// A real date with the wrong weekday, as every reader of dates says it.
    static func wrongWeekday(_ written: String, _ reason: String) -> Problem {
        Problem(message: "wrong weekday in \"\(written)\": \(reason)", fix: "correct the weekday, or leave it out")
    }

    /// j, f, m, a, s, o, n, d: the first letters of the months' names, lowercase. (A `Set` here
    /// hashed every word's first letter: a tenth of a build.)
    private static func isMonthInitial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "j"), UInt8(ascii: "f"), UInt8(ascii: "m"), UInt8(ascii: "a"),
             UInt8(ascii: "s"), UInt8(ascii: "o"), UInt8(ascii: "n"), UInt8(ascii: "d"): return true
        default: return false
        }
    }

    /// A day and month with no year after them: "4th April", "Wednesday 11th March".
    struct YearlessMatch: Equatable {
        var byteOffset: Int
        var written: String
        var day: Int
        /// 1 to 12.
        var month: Int
    }

    /// Days and months written without a year. Only a month written with a capital counts
    /// ("4 May", not "4 may"), and no day beyond 31: the words must read as a date.
    static func datesWithoutYear(in text: String) -> [YearlessMatch] {
        var copy = text
        var found: [YearlessMatch] = []
        copy.withUTF8 { bytes in
            guard bytes.contains(where: { $0 >= 48 && $0 <= 57 }) else { return }
            var index = 0
            while index + 3 <= bytes.count {
                defer { index += 1 }
                guard (65...90).contains(bytes[index]), let month = monthName(at: index, in: bytes) else { continue }
                var monthEnd = index
                while monthEnd < bytes.count, TextBytes.isLetterOrDigit(bytes[monthEnd]) { monthEnd += 1 }
                // A year follows: a whole date, the other scanner's.
                var next = monthEnd
                while next < bytes.count, [32, 44, 46, 0xC2, 0xA0].contains(bytes[next]) { next += 1 }
                var nextEnd = next
                while nextEnd < bytes.count, TextBytes.isLetterOrDigit(bytes[nextEnd]) { nextEnd += 1 }
                if fourDigits(bytes, next..<nextEnd) != nil { continue }
                guard let (day, dayStart) = day(beforeMonthAt: index, in: bytes), (1...31).contains(day) else { continue }
                let start = weekday(before: dayStart, in: bytes)?.start ?? dayStart
                found.append(YearlessMatch(byteOffset: start, written: String(decoding: bytes[start..<monthEnd], as: UTF8.self),
                                           day: day, month: month + 1))
                index = monthEnd
            }
        }
        return found
    }

    /// Each name as lowercase bytes with its month (0-based): full names and the short forms editors write.
    private static let months: [(name: [UInt8], month: Int)] =
        CalendarDate.monthNames.enumerated().map { (Array($0.element.lowercased().utf8), $0.offset) }
        + ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"].map { short in
            (Array(short.utf8), CalendarDate.monthNames.firstIndex { $0.lowercased().hasPrefix(short.prefix(3)) }!)
        }
    private static let weekdays: [(name: [UInt8], weekday: Int)] =
        CalendarDate.weekdayNames.enumerated().map { (Array($0.element.lowercased().utf8), $0.offset) }
        + [("mon", 0), ("tue", 1), ("tues", 1), ("wed", 2), ("thu", 3), ("thur", 3), ("thurs", 3), ("fri", 4), ("sat", 5), ("sun", 6)]
            .map { (Array($0.0.utf8), $0.1) }

    /// The same forms as a regular expression without anchors, for the JSON Schemas editors' tools read.
    static var schemaPattern: String {
        func anyCase(_ names: [[UInt8]]) -> String {
            names.map { String(decoding: $0, as: UTF8.self) }.sorted { ($1.count, $0) < ($0.count, $1) }
                .map { name in name.map { "[\($0.uppercased())\($0)]" }.joined() }.joined(separator: "|")
        }
        let gap = "[ \\u00a0]+"
        return "((\(anyCase(weekdays.map(\.name))))(,?\(gap)))?[0-9]{1,2}(\(anyCase(["st", "nd", "rd", "th"].map { Array($0.utf8) })))?"
            + "\(gap)(\(anyCase(months.map(\.name))))\(gap)[0-9]{4}"
    }

    /// Found from each month's name outwards: the words around a name decide, so text is not
    /// cut into words first (most runs of text name no month at all).
    static func matches(in text: String) -> [Match] {
        var copy = text
        return copy.withUTF8 { bytes in
            // A date has a day and a year: text without a digit has none (most text).
            guard bytes.contains(where: { $0 >= 48 && $0 <= 57 }) else { return [] }
            var matches: [Match] = []
            var index = 0
            while index + 3 <= bytes.count {
                if let month = monthName(at: index, in: bytes),
                   let (match, end) = match(aroundMonth: month, at: index, in: bytes, text: text) {
                    matches.append(match)
                    index = end
                } else {
                    index += 1
                }
            }
            return matches
        }
    }

    /// The month whose name is the whole word starting at `index`, if any.
    private static func monthName(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // A month's name starts a word with one of its names' first letters: most bytes are ruled out at once.
        let first = bytes[index] | 0x20
        guard TextBytes.isLetter(bytes[index]), isMonthInitial(first), index == 0 || !TextBytes.isLetterOrDigit(bytes[index - 1]) else { return nil }
        var end = index
        while end < bytes.count, TextBytes.isLetterOrDigit(bytes[end]) { end += 1 }
        guard (3...9).contains(end - index) else { return nil }
        return months.first { entry in entry.name.first == first && equals(bytes, index..<end, entry.name) }?.month
    }

    private static func match(aroundMonth month: Int, at monthStart: Int, in bytes: UnsafeBufferPointer<UInt8>,
                              text: String) -> (Match, Int)? {
        var monthEnd = monthStart
        while monthEnd < bytes.count, TextBytes.isLetterOrDigit(bytes[monthEnd]) { monthEnd += 1 }
        // The year: the next word, after spaces.
        var yearStart = monthEnd
        while yearStart < bytes.count, !TextBytes.isLetterOrDigit(bytes[yearStart]) { yearStart += 1 }
        var yearEnd = yearStart
        while yearEnd < bytes.count, TextBytes.isLetterOrDigit(bytes[yearEnd]) { yearEnd += 1 }
        guard yearStart > monthEnd, isSpaceGap(UnsafeBufferPointer(rebasing: bytes[monthEnd..<yearStart])),
              let year = fourDigits(bytes, yearStart..<yearEnd)
        else { return nil }
        // The day: the word before, after spaces.
        guard let (day, dayStart) = day(beforeMonthAt: monthStart, in: bytes) else { return nil }
        let weekday = weekday(before: dayStart, in: bytes)
        return (makeMatch(start: weekday?.start ?? dayStart, end: yearEnd, day: day, month: month, year: year,
                          weekday: weekday.map { CalendarDate.weekdayNames[$0.index] }, bytes: bytes, text: text), yearEnd)
    }

    /// The day number in the word before the month's name, after spaces, and where it starts.
    private static func day(beforeMonthAt monthStart: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, start: Int)? {
        var dayEnd = monthStart
        while dayEnd > 0, !TextBytes.isLetterOrDigit(bytes[dayEnd - 1]) { dayEnd -= 1 }
        var dayStart = dayEnd
        while dayStart > 0, TextBytes.isLetterOrDigit(bytes[dayStart - 1]) { dayStart -= 1 }
        guard dayStart < dayEnd, isSpaceGap(UnsafeBufferPointer(rebasing: bytes[dayEnd..<monthStart])),
              let day = dayNumber(bytes, dayStart..<dayEnd) else { return nil }
        return (day, dayStart)
    }

    /// A weekday's name (0 = Monday) in the word before the day, after spaces or ", ", and where it starts.
    private static func weekday(before dayStart: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (index: Int, start: Int)? {
        var weekdayEnd = dayStart
        while weekdayEnd > 0, !TextBytes.isLetterOrDigit(bytes[weekdayEnd - 1]) { weekdayEnd -= 1 }
        var weekdayStart = weekdayEnd
        while weekdayStart > 0, TextBytes.isLetterOrDigit(bytes[weekdayStart - 1]) { weekdayStart -= 1 }
        let gap = UnsafeBufferPointer(rebasing: bytes[weekdayEnd..<dayStart])
        guard weekdayStart < weekdayEnd, isSpaceGap(gap) || isCommaGap(gap),
              let entry = weekdays.first(where: { equals(bytes, weekdayStart..<weekdayEnd, $0.name) }) else { return nil }
        return (entry.weekday, weekdayStart)
    }

    private static func makeMatch(start: Int, end: Int, day: Int, month: Int, year: Int, weekday: String?,
                                  bytes: UnsafeBufferPointer<UInt8>, text: String) -> Match {
        let outcome: Outcome
        if let date = CalendarDate(year: year, month: month + 1, day: day) {
            if let weekday, weekday != date.weekdayName {
                outcome = .wrongWeekday(date, written: weekday)
            } else {
                outcome = .valid(date)
            }
        } else {
            let days = CalendarDate.daysIn(month: month + 1, year: year)
            outcome = .impossible(day == 0 ? "there is no day 0" : "\(CalendarDate.monthNames[month]) \(year) has \(days) days")
        }
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: start)
        let upper = text.utf8.index(lower, offsetBy: end - start)
        let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return Match(range: lower..<upper, byteOffset: start, written: written, outcome: outcome)
    }

    // MARK: - Words

    private static func isSpaceGap(_ gap: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !gap.isEmpty else { return false }
        var index = 0
        while index < gap.count {
            switch gap[index] {
            case 32, 10: index += 1
            case 0xC2 where index + 1 < gap.count && gap[index + 1] == 0xA0: index += 2
            default: return false
            }
        }
        return true
    }

    private static func isCommaGap(_ gap: UnsafeBufferPointer<UInt8>) -> Bool {
        gap.count > 1 && gap[0] == UInt8(ascii: ",") && isSpaceGap(UnsafeBufferPointer(rebasing: gap[1...]))
    }

    /// The word is `name` (lowercase) in any case.
    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>, _ name: [UInt8]) -> Bool {
        guard word.count == name.count else { return false }
        for offset in 0..<name.count where bytes[word.lowerBound + offset] | 0x20 != name[offset] { return false }
        return true
    }

    /// "16", "6", "16th", "1st": one or two digits, an optional English ordinal.
    private static func dayNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Int? {
        var index = word.lowerBound
        var value = 0
        while index < word.upperBound, index - word.lowerBound < 3, bytes[index] >= 48, bytes[index] <= 57 {
            value = value * 10 + Int(bytes[index] - 48)
            index += 1
        }
        let digits = index - word.lowerBound
        guard digits == 1 || digits == 2 else { return nil }
        let suffix = word.upperBound - index
        if suffix == 0 { return value }
        guard suffix == 2 else { return nil }
        let pair = (bytes[index] | 0x20, bytes[index + 1] | 0x20)
        let ordinals: [(UInt8, UInt8)] = [(115, 116), (110, 100), (114, 100), (116, 104)]  // st nd rd th
        return ordinals.contains { $0 == pair } ? value : nil
    }

    private static func fourDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Int? {
        guard word.count == 4 else { return nil }
        var value = 0
        for index in word {
            guard bytes[index] >= 48, bytes[index] <= 57 else { return nil }
            value = value * 10 + Int(bytes[index] - 48)
        }
        return value
    }
}
