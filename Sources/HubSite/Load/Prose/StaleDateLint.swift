/// Finds what a rollover would leave behind: cohort numbers, years, academic years and dates
/// written out instead of through `{{cohort.…}}` variables, facts of an earlier cohort, and
/// dates without a year. It reads the text as the editor wrote it, before variables are
/// replaced. Every finding is a warning (`--strict` makes it fail the build). History stays
/// quiet: a year more than two before the programme starts ("since 2014") is not this
/// cohort's or the last one's.
enum StaleDateLint {
    /// `dates` and `otherDates` are the text's dates when the caller has them already.
    static func findings(in text: String, cohort: Cohort, dates: [UKDateScanner.Match]? = nil,
                         otherDates: [OtherDateForms.Match]? = nil) -> [PlacedProblem<Int>] {
        guard text.utf8.contains(where: isDigit) || TextBytes.containsCaseInsensitive("cohort", in: text) else { return [] }
        let dates = dates ?? UKDateScanner.matches(in: text)
        var findings: [PlacedProblem<Int>] = []
        var covered: [Range<Int>] = []
        for match in dates {
            // An impossible date has its error already: its year is not a second finding.
            covered.append(match.byteOffset..<(match.byteOffset + match.written.utf8.count))
            if case .valid(let date) = match.outcome, let finding = dateFinding(date, written: match.written, at: match.byteOffset, cohort: cohort) {
                findings.append(finding)
            }
        }
        // A date in another form has a warning of its own: its year is not a second one.
        for other in otherDates ?? OtherDateForms.matches(in: text, ukDates: dates) {
            covered.append(other.byteOffset..<(other.byteOffset + other.written.utf8.count))
        }
        for yearless in UKDateScanner.datesWithoutYear(in: text) where !covered.contains(where: { $0.contains(yearless.byteOffset) }) {
            findings.append(yearlessFinding(yearless, cohort: cohort))
        }
        let cohortNumbers = CohortMentions.find(in: text)
        for mention in cohortNumbers {
            covered.append(mention.byteOffset..<(mention.byteOffset + mention.written.utf8.count))
            findings.append(cohortFinding(mention, cohort: cohort))
        }
        findings += numberFindings(in: text, cohort: cohort, covered: covered)
        return findings.sorted { $0.place < $1.place }
    }

    // MARK: - Dates

    private static func dateFinding(_ date: CalendarDate, written: String, at offset: Int, cohort: Cohort) -> PlacedProblem<Int>? {
        if let keyDate = cohort.keyDates.first(where: { $0.date == date }) {
            return PlacedProblem(place: offset, message: "the date \"\(written)\" is written out",
                           fix: "write {{\(keyDate.variable)}} so that new-cohort moves it on")
        }
        // On or before the last cohort's deadline: a fact of an earlier cohort.
        let lastDeadline = cohort.applicationsClose.adding(years: -1)
        guard date <= lastDeadline else { return nil }
        return PlacedProblem(place: offset,
                       message: "the date \"\(written)\" belongs to an earlier cohort: cohort \(cohort.number - 1)'s applications closed on \(lastDeadline.text)",
                       fix: "update it for cohort \(cohort.number), or write {{cohort.applications_open}} or {{cohort.applications_close}} if it is one of those")
    }

    /// "4th April": the year this cohort would mean, and what to write instead.
    private static func yearlessFinding(_ match: UKDateScanner.YearlessMatch, cohort: Cohort) -> PlacedProblem<Int> {
        if let keyDate = cohort.keyDates.first(where: { $0.date.month == match.month && $0.date.day == match.day }) {
            return PlacedProblem(place: match.byteOffset, message: "the date \"\(match.written)\" has no year: next cohort it would be wrong, and its weekday cannot be checked",
                           fix: "write {{\(keyDate.variable)}}, which is \(keyDate.date.text)")
        }
        // The first such day from six months before applications open: the cohort's year.
        let earliest = CalendarDate(dayNumber: cohort.applicationsOpen.dayNumber - 182) ?? cohort.applicationsOpen
        let year = (earliest.year...(earliest.year + 1)).first { year in
            CalendarDate(year: year, month: match.month, day: match.day).map { $0 >= earliest } ?? false
        }
        let suggestion = year.flatMap { CalendarDate(year: $0, month: match.month, day: match.day) }
        return PlacedProblem(place: match.byteOffset, message: "the date \"\(match.written)\" has no year: next cohort it would be wrong, and its weekday cannot be checked",
                       fix: suggestion.map { "write the year, e.g. \"\($0.weekdayName) \($0.text)\"" } ?? "write the year after the month")
    }

    // MARK: - Cohort numbers

    private static func cohortFinding(_ mention: CohortMentions.Mention, cohort: Cohort) -> PlacedProblem<Int> {
        let variable = mention.isOrdinal ? (mention.hasArticle ? "{{cohort.ordinal_with_article}} cohort" : "{{cohort.ordinal}} cohort") : "cohort {{cohort.number}}"
        if mention.number == cohort.number {
            return PlacedProblem(place: mention.byteOffset, message: "the cohort number in \"\(mention.written)\" is written out",
                           fix: "write \"\(variable)\" so that new-cohort moves it on")
        }
        return PlacedProblem(place: mention.byteOffset, message: "\"\(mention.written)\" is not this site's cohort: the site is for cohort \(cohort.number)",
                       fix: "update it: write \"\(variable)\" if it means the current cohort")
    }

    // MARK: - Years and academic years

    /// The variables whose value is `year`, for the fix.
    private static func variables(for year: Int, cohort: Cohort) -> [String] {
        var names: [String] = []
        if year == cohort.firstYear { names.append("{{cohort.start_year}}") }
        if year == cohort.firstYear + 2 { names.append("{{cohort.end_year}}") }
        return names
    }

    private static func numberFindings(in text: String, cohort: Cohort, covered: [Range<Int>]) -> [PlacedProblem<Int>] {
        var copy = text
        return copy.withUTF8 { numberFindings(in: $0, cohort: cohort, covered: covered) }
    }

    private static func numberFindings(in bytes: UnsafeBufferPointer<UInt8>, cohort: Cohort, covered: [Range<Int>]) -> [PlacedProblem<Int>] {
        var findings: [PlacedProblem<Int>] = []
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]), index == 0 || !joinsNumber(bytes[index - 1]) else { index += 1; continue }
            var end = index
            while end < bytes.count, isDigit(bytes[end]) { end += 1 }
            defer { index = max(end, index + 1) }
            guard !covered.contains(where: { $0.contains(index) }), end - index == 4, let year = Int(String(decoding: bytes[index..<end], as: UTF8.self)) else { continue }
            if end + 1 < bytes.count, bytes[end] == UInt8(ascii: "/"), let second = academicSecondYear(bytes, after: end + 1),
               second.value % 100 == (year + 1) % 100 {
                let written = String(decoding: bytes[index..<(end + 1 + second.length)], as: UTF8.self)
                if year == cohort.firstYear || year == cohort.firstYear + 1 {
                    findings.append(PlacedProblem(place: index, message: "the academic year \"\(written)\" is written out",
                                            fix: "write {{cohort.year\(year == cohort.firstYear ? 1 : 2)}} so that new-cohort moves it on"))
                } else if year >= cohort.firstYear - 3 {
                    findings.append(PlacedProblem(place: index, message: "the academic year \"\(written)\" is not this cohort's: the site is for cohort \(cohort.number) (\(cohort.year1) and \(cohort.year2))",
                                            fix: "write {{cohort.year1}} or {{cohort.year2}}, which change with the cohort"))
                }
                end += 1 + second.length
            } else if (cohort.firstYear - 2)...(cohort.firstYear + 2) ~= year, end >= bytes.count || !joinsNumber(bytes[end]),
                      year < cohort.applicationsOpen.year {
                findings.append(PlacedProblem(place: index, message: "the year \(year) belongs to an earlier cohort: cohort \(cohort.number)'s applications open in \(cohort.applicationsOpen.year)",
                                        fix: "update it for cohort \(cohort.number), or write {{cohort.start_year}} (\(cohort.firstYear)) if it means the year the programme starts"))
            } else if (cohort.firstYear - 2)...(cohort.firstYear + 2) ~= year, end >= bytes.count || !joinsNumber(bytes[end]) {
                let names = variables(for: year, cohort: cohort)
                findings.append(PlacedProblem(place: index, message: "the year \(year) is written out",
                                        fix: names.isEmpty
                                            ? "write it through a variable that new-cohort moves on: {{cohort.year1}} (\(cohort.year1)) or {{cohort.year2}} (\(cohort.year2)), {{cohort.start_year}} (\(cohort.firstYear)), {{cohort.end_year}} (\(cohort.firstYear + 2)); update it if it is an earlier cohort's"
                                            : "write \(names.joined(separator: " or ")) so that new-cohort moves it on"))
            }
        }
        return findings
    }

    private static func academicSecondYear(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int) -> (value: Int, length: Int)? {
        var end = start
        while end < bytes.count, isDigit(bytes[end]) { end += 1 }
        let length = end - start
        guard length == 2 || length == 4, end >= bytes.count || !joinsNumber(bytes[end]),
              let value = Int(String(decoding: bytes[start..<end], as: UTF8.self)) else { return nil }
        return (value, length)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    /// A letter, digit or "/" next to a number makes it part of something else: "v2026", "1/2026".
    private static func joinsNumber(_ byte: UInt8) -> Bool {
        TextBytes.isLetterOrDigit(byte) || byte == UInt8(ascii: "/")
    }
}

/// "cohort 10", "Cohort Ten", "the tenth cohort", "an eleventh cohort": a cohort named by number,
/// in digits or words.
enum CohortMentions {
    struct Mention: Equatable {
        var byteOffset: Int
        var written: String
        var number: Int
        /// "tenth cohort" rather than "cohort 10".
        var isOrdinal: Bool
        /// "an eleventh cohort": the article is part of what to replace.
        var hasArticle: Bool
    }

    private static let ordinals: [String: Int] = Dictionary(uniqueKeysWithValues: (1...99).map { (Cohort.ordinalWord($0), $0) })
    private static let cardinals: [String: Int] = {
        let ones = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        let teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        var words: [String: Int] = [:]
        for (index, word) in ones.enumerated() { words[word] = index + 1 }
        for (index, word) in teens.enumerated() { words[word] = index + 10 }
        for (index, word) in tens.enumerated() {
            words[word] = (index + 2) * 10
            for (unit, one) in ones.enumerated() { words["\(word)-\(one)"] = (index + 2) * 10 + unit + 1 }
        }
        return words
    }()

    /// Each whole word "cohort" (any case), with the word after it ("cohort 10", "cohort number
    /// 10", "Cohort Ten") and the words before it ("the tenth cohort", "an eleventh cohort"). Read
    /// as bytes around each "cohort": most text names no cohort, and a regular expression over
    /// every text run was a tenth of a build.
    static func find(in text: String) -> [Mention] {
        guard TextBytes.containsCaseInsensitive("cohort", in: text) else { return [] }
        var copy = text
        return copy.withUTF8 { bytes in
            var found: [Mention] = []
            func word(endingAt end: Int) -> Range<Int>? {
                var start = end
                while start > 0, isPartOfWord(bytes[start - 1]) { start -= 1 }
                return start < end ? start..<end : nil
            }
            func word(startingAt start: Int) -> Range<Int>? {
                var end = start
                while end < bytes.count, isPartOfWord(bytes[end]) { end += 1 }
                return start < end ? start..<end : nil
            }
            func spaces(before index: Int) -> Int? {
                var start = index
                while start > 0, bytes[start - 1] == 32 { start -= 1 }
                return start < index ? start : nil
            }
            func spaces(after index: Int) -> Int? {
                var end = index
                while end < bytes.count, bytes[end] == 32 { end += 1 }
                return end > index ? end : nil
            }
            func lower(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self).lowercased() }
            func mention(_ range: Range<Int>, _ number: Int, ordinal: Bool, article: Bool) -> Mention {
                Mention(byteOffset: range.lowerBound, written: String(decoding: bytes[range], as: UTF8.self), number: number,
                        isOrdinal: ordinal, hasArticle: article)
            }
            let name = Array("cohort".utf8)
            var index = 0
            while index + name.count <= bytes.count {
                defer { index += 1 }
                guard (0..<name.count).allSatisfy({ bytes[index + $0] | 0x20 == name[$0] }),
                      index == 0 || !isPartOfWord(bytes[index - 1]), index + name.count == bytes.count || !isPartOfWord(bytes[index + name.count])
                else { continue }
                let end = index + name.count
                // After: "cohort 10", "cohort number 10", "Cohort Ten".
                if let next = spaces(after: end), var after = word(startingAt: next) {
                    if lower(after) == "number", let more = spaces(after: after.upperBound), let numbered = word(startingAt: more) {
                        after = numbered
                    }
                    let written = lower(after)
                    if let number = Int(written) ?? cardinals[written] ?? ordinals[written], written.count <= 20, Int(written).map({ $0 < 1000 }) ?? true {
                        found.append(mention(index..<after.upperBound, number, ordinal: false, article: false))
                        continue
                    }
                }
                // Before: "tenth cohort", "the 10th cohort", "an eleventh cohort".
                if let gap = spaces(before: index), let before = word(endingAt: gap) {
                    let written = lower(before)
                    let number = ordinals[written] ?? (written.hasSuffix("th") || written.hasSuffix("st") || written.hasSuffix("nd") || written.hasSuffix("rd")
                                                       ? Int(written.dropLast(2)) : nil)
                    guard let number else { continue }
                    var start = before.lowerBound
                    var article = false
                    if let articleGap = spaces(before: before.lowerBound), let articleWord = word(endingAt: articleGap) {
                        switch lower(articleWord) {
                        case "a", "an": start = articleWord.lowerBound; article = true
                        default: break
                        }
                    }
                    found.append(mention(start..<end, number, ordinal: true, article: article))
                }
            }
            return found
        }
    }

    /// Letters, digits and the hyphen of "twenty-first".
    private static func isPartOfWord(_ byte: UInt8) -> Bool {
        TextBytes.isLetterOrDigit(byte) || byte == UInt8(ascii: "-")
    }
}
