/// Finds dates written the UK way in prose: "16 December 2025", "Tuesday 16 December 2025",
/// "16th December 2025". It reads words, not Markdown: cmark has already split the text from
/// code and markup, and hands only text runs here.
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
        case valid(CalendarDate)
        /// A date that no calendar has, with the reason ("February 2026 has 28 days").
        case impossible(String)
        /// A real date with the wrong weekday in front of it.
        case wrongWeekday(CalendarDate, written: String)
    }

    static func matches(in text: String) -> [Match] {
        // Cheap test first: most text runs have no month name at all.
        guard text.utf8.count >= 8, containsMonthName(text) else { return [] }
        let words = words(in: text)
        var matches: [Match] = []
        var index = 0
        while index < words.count {
            if let (match, next) = match(at: index, in: words, text: text) {
                matches.append(match)
                index = next
            } else {
                index += 1
            }
        }
        return matches
    }

    // MARK: - Words

    private struct Word {
        var range: Range<String.Index>
        var text: Substring
        /// Only spaces (or one line break) separate it from the word before.
        var followsSpace: Bool
        var followsComma: Bool
    }

    private static func words(in text: String) -> [Word] {
        var words: [Word] = []
        var start: String.Index?
        var gap = ""
        var index = text.startIndex
        func close(at end: String.Index) {
            if let begin = start {
                let onlySpace = !gap.isEmpty && gap.allSatisfy { $0 == " " || $0 == "\n" || $0 == "\u{00A0}" }
                let comma = gap.first == "," && gap.dropFirst().allSatisfy { $0 == " " || $0 == "\n" } && gap.count > 1
                words.append(Word(range: begin..<end, text: text[begin..<end], followsSpace: onlySpace, followsComma: comma))
                start = nil
                gap = ""
            }
        }
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter || character.isNumber {
                if start == nil { start = index }
            } else {
                close(at: index)
                gap.append(character)
            }
            index = text.index(after: index)
        }
        close(at: text.endIndex)
        return words
    }

    private static func match(at index: Int, in words: [Word], text: String) -> (Match, Int)? {
        var cursor = index
        var weekday: String?
        if CalendarDate.weekdayNames.contains(String(words[cursor].text)) {
            weekday = String(words[cursor].text)
            cursor += 1
            guard cursor < words.count, words[cursor].followsSpace || words[cursor].followsComma else { return nil }
        }
        guard cursor + 2 < words.count,
              let day = dayNumber(words[cursor].text),
              words[cursor + 1].followsSpace, words[cursor + 2].followsSpace,
              let month = CalendarDate.monthNames.firstIndex(of: String(words[cursor + 1].text)),
              words[cursor + 2].text.count == 4, let year = Int(words[cursor + 2].text)
        else { return nil }
        let range = words[index].range.lowerBound..<words[cursor + 2].range.upperBound
        let outcome: Outcome
        if let date = CalendarDate(year: year, month: month + 1, day: day) {
            if let weekday, weekday != date.weekdayName {
                outcome = .wrongWeekday(date, written: weekday)
            } else {
                outcome = .valid(date)
            }
        } else {
            let monthName = CalendarDate.monthNames[month]
            let days = CalendarDate.daysIn(month: month + 1, year: year)
            outcome = .impossible(day == 0 ? "there is no day 0" : "\(monthName) \(year) has \(days) days")
        }
        let byteOffset = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        return (Match(range: range, byteOffset: byteOffset, written: String(text[range]), outcome: outcome), cursor + 3)
    }

    /// "16", "6", "16th", "1st": at most two digits, an optional English ordinal.
    private static func dayNumber(_ word: Substring) -> Int? {
        let digits = word.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count), let value = Int(digits) else { return nil }
        let suffix = word.dropFirst(digits.count)
        guard suffix.isEmpty || ["st", "nd", "rd", "th"].contains(suffix) else { return nil }
        return value
    }

    private static func containsMonthName(_ text: String) -> Bool {
        CalendarDate.monthNames.contains { text.contains($0) }
    }
}
