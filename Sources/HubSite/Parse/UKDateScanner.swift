/// Finds dates written the UK way in prose: "16 December 2025", "Tuesday 16 December 2025",
/// "16th December 2025". It reads words, not Markdown: cmark has already split the text from
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
        case valid(CalendarDate)
        /// A date that no calendar has, with the reason ("February 2026 has 28 days").
        case impossible(String)
        /// A real date with the wrong weekday in front of it.
        case wrongWeekday(CalendarDate, written: String)
    }

    private static let months = CalendarDate.monthNames.map { Array($0.utf8) }
    private static let weekdays = CalendarDate.weekdayNames.map { Array($0.utf8) }

    static func matches(in text: String) -> [Match] {
        var copy = text
        return copy.withUTF8 { bytes in
            // Cheap test first: most runs of text name no month at all.
            guard bytes.count >= 8, containsMonthName(bytes) else { return [] }
            let words = words(in: bytes)
            var matches: [Match] = []
            var index = 0
            while index < words.count {
                if let (match, next) = match(at: index, in: words, bytes: bytes, text: text) {
                    matches.append(match)
                    index = next
                } else {
                    index += 1
                }
            }
            return matches
        }
    }

    // MARK: - Words

    /// A run of ASCII letters and digits, and what separates it from the run before.
    private struct Word {
        var start: Int
        var end: Int
        /// Only spaces, no-break spaces or one line break stand between it and the word before.
        var followsSpace: Bool
        /// ", " stands between it and the word before (after a weekday).
        var followsComma: Bool
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    private static func words(in bytes: UnsafeBufferPointer<UInt8>) -> [Word] {
        var words: [Word] = []
        var index = 0
        var gapStart = 0
        while index < bytes.count {
            guard isWordByte(bytes[index]) else { index += 1; continue }
            let start = index
            while index < bytes.count, isWordByte(bytes[index]) { index += 1 }
            let gap = UnsafeBufferPointer(rebasing: bytes[gapStart..<start])
            words.append(Word(start: start, end: index, followsSpace: isSpaceGap(gap), followsComma: isCommaGap(gap)))
            gapStart = index
        }
        return words
    }

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

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Word, _ name: [UInt8]) -> Bool {
        guard word.end - word.start == name.count else { return false }
        for offset in 0..<name.count where bytes[word.start + offset] != name[offset] { return false }
        return true
    }

    private static func match(at index: Int, in words: [Word], bytes: UnsafeBufferPointer<UInt8>, text: String) -> (Match, Int)? {
        var cursor = index
        var weekday: String?
        if let day = weekdays.firstIndex(where: { equals(bytes, words[cursor], $0) }) {
            weekday = CalendarDate.weekdayNames[day]
            cursor += 1
            guard cursor < words.count, words[cursor].followsSpace || words[cursor].followsComma else { return nil }
        }
        guard cursor + 2 < words.count,
              let day = dayNumber(bytes, words[cursor]),
              words[cursor + 1].followsSpace, words[cursor + 2].followsSpace,
              let month = months.firstIndex(where: { equals(bytes, words[cursor + 1], $0) }),
              let year = fourDigits(bytes, words[cursor + 2])
        else { return nil }
        let start = words[index].start
        let end = words[cursor + 2].end
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
        return (Match(range: lower..<upper, byteOffset: start, written: written, outcome: outcome), cursor + 3)
    }

    /// "16", "6", "16th", "1st": one or two digits, an optional English ordinal.
    private static func dayNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Word) -> Int? {
        var index = word.start
        var value = 0
        while index < word.end, index - word.start < 3, bytes[index] >= 48, bytes[index] <= 57 {
            value = value * 10 + Int(bytes[index] - 48)
            index += 1
        }
        let digits = index - word.start
        guard digits == 1 || digits == 2 else { return nil }
        let suffix = word.end - index
        if suffix == 0 { return value }
        guard suffix == 2 else { return nil }
        let pair = (bytes[index], bytes[index + 1])
        let ordinals: [(UInt8, UInt8)] = [(115, 116), (110, 100), (114, 100), (116, 104)]  // st nd rd th
        return ordinals.contains { $0 == pair } ? value : nil
    }

    private static func fourDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Word) -> Int? {
        guard word.end - word.start == 4 else { return nil }
        var value = 0
        for index in word.start..<word.end {
            guard bytes[index] >= 48, bytes[index] <= 57 else { return nil }
            value = value * 10 + Int(bytes[index] - 48)
        }
        return value
    }

    /// One pass over the bytes: at each capital that starts a month's name, compare the names.
    private static func containsMonthName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let end = bytes.count - 3
        while index < end {
            switch bytes[index] {
            case 65, 68, 70, 74, 77, 78, 79, 83:  // A D F J M N O S
                for name in months where name[0] == bytes[index] && index + name.count <= bytes.count {
                    var same = true
                    for offset in 1..<name.count where bytes[index + offset] != name[offset] {
                        same = false
                        break
                    }
                    if same { return true }
                }
            default:
                break
            }
            index += 1
        }
        return false
    }
}
