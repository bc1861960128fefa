/// The facts that change every year: one place for them, in `site.yml`.
public struct Cohort: Hashable, Sendable {
    public var number: Int
    /// Academic year of the programme's first year, e.g. 2026 for 2026/27.
    public var firstYear: Int
    public var applicationsOpen: CalendarDate
    public var applicationsClose: CalendarDate

    /// The programme takes one cohort a year: a thousand is far beyond any real site, and
    /// keeps every sum on a cohort's number (the next one, its ordinal) far from overflowing.
    public static let numbers = 1...1000

    public init(number: Int, firstYear: Int, applicationsOpen: CalendarDate, applicationsClose: CalendarDate) {
        self.number = number
        self.firstYear = firstYear
        self.applicationsOpen = applicationsOpen
        self.applicationsClose = applicationsClose
    }

    /// "2026/27"
    public var year1: String { Self.academicYear(startingIn: firstYear) }
    /// "2027/28"
    public var year2: String { Self.academicYear(startingIn: firstYear + 1) }

    /// "eleventh", for prose such as "the eleventh cohort".
    public var ordinalWord: String { Self.ordinalWord(number) }

    /// "an eleventh" or "a twelfth": the article changes with the number.
    public var ordinalWithArticle: String {
        let word = ordinalWord
        return (word.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + word
    }

    static func academicYear(startingIn year: Int) -> String {
        let next = (year + 1) % 100
        return "\(year)/\(next < 10 ? "0" : "")\(next)"
    }

    /// The key dates in the order they happen.
    public var keyDates: [KeyDate] {
        [
            KeyDate(id: "applications-open", title: "Applications open", date: applicationsOpen,
                    detail: "The application form is published on the NCETM website."),
            KeyDate(id: "applications-close", title: "Application deadline", date: applicationsClose,
                    detail: "Submit the application form, completed with your headteacher, by this date."),
        ]
    }

    static func ordinalWord(_ number: Int) -> String {
        let ones = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
        let teens = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                     "seventeenth", "eighteenth", "nineteenth"]
        let tensWords = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        let tensOrdinals = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
                            "eightieth", "ninetieth"]
        switch number {
        case 1...9: return ones[number]
        case 10...19: return teens[number - 10]
        case 20...99:
            let (tens, unit) = number.quotientAndRemainder(dividingBy: 10)
            return unit == 0 ? tensOrdinals[tens] : "\(tensWords[tens])-\(ones[unit])"
        default:
            let suffix: String
            switch (number % 10, number % 100) {
            case (_, 11...13): suffix = "th"
            case (1, _): suffix = "st"
            case (2, _): suffix = "nd"
            case (3, _): suffix = "rd"
            default: suffix = "th"
            }
            return "\(number)\(suffix)"
        }
    }
}

/// A day an applicant needs to know about, shown on the page and in `key-dates.ics`.
public struct KeyDate: Hashable, Sendable {
    /// Stable identifier: part of the calendar UID, so re-importing updates instead of duplicating.
    public var id: String
    public var title: String
    public var date: CalendarDate
    public var detail: String

    /// The variable content writes for it: `cohort.applications_open`.
    var variable: String { "cohort." + id.replacingOccurrences(of: "-", with: "_") }
}
