import XCTest
@testable import HubSite

final class DateTests: XCTestCase {
    private func outcomes(_ text: String) -> [UKDateScanner.Outcome] {
        UKDateScanner.matches(in: text).map(\.outcome)
    }

    private func date(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    func testFindsUKDatesWithOptionalWeekdayAndOrdinal() {
        let matches = UKDateScanner.matches(in: "Opens 16 December 2025, closes Thursday 23 April 2026 or 1st May 2026.")
        XCTAssertEqual(matches.map(\.written), ["16 December 2025", "Thursday 23 April 2026", "1st May 2026"])
        XCTAssertEqual(matches.map(\.outcome), [.valid(date(2025, 12, 16)), .valid(date(2026, 4, 23)), .valid(date(2026, 5, 1))])
        XCTAssertEqual(matches.first?.byteOffset, 6)
    }

    func testDatesNextToEachOtherAndToPunctuation() {
        let matches = UKDateScanner.matches(in: "Tuesday, 16 December 2025 1 March 2026(Monday-2 March 2026) 3\u{A0}March\u{A0}2026")
        XCTAssertEqual(matches.map(\.written), ["Tuesday, 16 December 2025", "1 March 2026", "2 March 2026", "3\u{A0}March\u{A0}2026"])
        XCTAssertEqual(matches.map(\.byteOffset), [0, 26, 46, 60])
    }

    func testIgnoresThingsThatAreNotDates() {
        XCTAssertEqual(outcomes("116 December 2025, December 2025, 16 Decem 2025, 16 December 25, 2025, 16 Dec. 2025"), [])
        XCTAssertEqual(outcomes("Maythorpe 3 Mayfield 2020, 3 mayday 2020, Frid 12 June 2026"), [.valid(CalendarDate(year: 2026, month: 6, day: 12)!)])
        XCTAssertEqual(UKDateScanner.matches(in: "Frid 12 June 2026").map(\.written), ["12 June 2026"])
    }

    /// The forms editors write on real hub pages: a short month, a short weekday, an ordinal, any case.
    func testDatesAsEditorsWriteThem() {
        let june12 = CalendarDate(year: 2026, month: 6, day: 12)!
        for written in ["12th June 2026", "Fri 12 June 2026", "12 Jun 2026", "12 june 2026", "FRIDAY 12TH JUNE 2026", "Fri, 12 jun 2026",
                        "friday 12 June 2026", "12 JUNE 2026"] {
            XCTAssertEqual(UKDateScanner.matches(in: "on \(written).").map(\.outcome), [.valid(june12)], written)
            XCTAssertEqual(UKDateScanner.matches(in: "on \(written).").map(\.written), [written], written)
            XCTAssertEqual(try DateValue.parse(written).get(), june12, written)
        }
        XCTAssertEqual(outcomes("Sept 1 2026, 1 Sept 2026, 1 Sep 2026, Tues 1 Sep 2026, Thurs 3 Sep 2026, Thu 3 sept 2026"),
                       [.valid(CalendarDate(year: 2026, month: 9, day: 1)!), .valid(CalendarDate(year: 2026, month: 9, day: 1)!),
                        .valid(CalendarDate(year: 2026, month: 9, day: 1)!), .valid(CalendarDate(year: 2026, month: 9, day: 3)!),
                        .valid(CalendarDate(year: 2026, month: 9, day: 3)!)])
        XCTAssertEqual(outcomes("Thu 14 Mar 2026"), [.wrongWeekday(CalendarDate(year: 2026, month: 3, day: 14)!, written: "Thursday")])
        XCTAssertEqual(outcomes("31 feb 2026"), [.impossible("February 2026 has 28 days")])
    }

    /// A hub's deadline: a day with an optional time of day, either side of it.
    func testDeadlinesWithATimeOfDay() throws {
        let day = CalendarDate(year: 2026, month: 3, day: 13)!
        for (written, minutes) in [("13 March 2026", nil), ("5pm on 13 March 2026", 17 * 60), ("13 March 2026 at 5pm", 17 * 60),
                                   ("13 March 2026, 17:00", 17 * 60), ("12 noon on Fri 13 Mar 2026", 12 * 60), ("13th March 2026 at 9.30am", 9 * 60 + 30),
                                   ("2026-03-13 at 23:59", 23 * 60 + 59)] as [(String, Int?)] {
            XCTAssertEqual(try DateAndTime.parse(written).get(), DateAndTime(date: day, minutes: minutes), written)
        }
        XCTAssertEqual(try DateAndTime.parse("5pm on 13 March 2026").get().text, "5pm on 13 March 2026")
        XCTAssertEqual(try DateAndTime.parse("13 March 2026 at 9.30am").get().iso, "2026-03-13T09:30")
        XCTAssertEqual(DateAndTime.parse("25pm on 13 March 2026"), .failure(.impossible("25pm is not a time of day: hours go up to 23 (or 12 with am/pm), minutes up to 59")))
        XCTAssertEqual(DateAndTime.parse("4pm to 5pm on 13 March 2026"), .failure(.notADate))
        XCTAssertEqual(DateAndTime.parse("5pm on Thursday 13 March 2026"), .failure(.wrongWeekday("13 March 2026 is a Friday, not a Thursday")))
        XCTAssertEqual(DateAndTime.parse("sometime in March"), .failure(.notADate))
    }

    func testImpossibleDatesAreReported() {
        XCTAssertEqual(outcomes("31 February 2026"), [.impossible("February 2026 has 28 days")])
        XCTAssertEqual(outcomes("29 February 2025"), [.impossible("February 2025 has 28 days")])
        XCTAssertEqual(outcomes("29 February 2024"), [.valid(date(2024, 2, 29))])
        XCTAssertEqual(outcomes("31 April 2026"), [.impossible("April 2026 has 30 days")])
        XCTAssertEqual(outcomes("0 May 2026"), [.impossible("there is no day 0")])
    }

    func testWrongWeekdayIsReported() {
        XCTAssertEqual(outcomes("Monday 16 December 2025"), [.wrongWeekday(date(2025, 12, 16), written: "Monday")])
    }

    func testDateAcrossALineBreak() {
        XCTAssertEqual(UKDateScanner.matches(in: "on 16 December\n2025").map(\.written), ["16 December\n2025"])
    }

    func testCalendarArithmetic() {
        XCTAssertEqual(date(2025, 12, 16).weekdayName, "Tuesday")
        XCTAssertEqual(date(1970, 1, 1).weekdayName, "Thursday")
        XCTAssertEqual(date(2000, 2, 29).weekdayName, "Tuesday")
        XCTAssertEqual(date(2025, 12, 31).nextDay, date(2026, 1, 1))
        XCTAssertEqual(date(2024, 2, 29).adding(years: 1), date(2025, 2, 28))
        XCTAssertEqual(date(2025, 12, 6).iso, "2025-12-06")
        XCTAssertTrue(date(2026, 4, 25).isWeekend)
        XCTAssertNil(CalendarDate(year: 2026, month: 13, day: 1))
    }

    func testDateValuesInYAML() {
        XCTAssertEqual(try DateValue.parse("16 December 2025").get(), date(2025, 12, 16))
        XCTAssertEqual(try DateValue.parse("2025-12-16").get(), date(2025, 12, 16))
        XCTAssertEqual(DateValue.parse("2026-02-30"), .failure(.impossible("2026-02-30 is not a day in the calendar")))
        XCTAssertEqual(DateValue.parse("next Tuesday"), .failure(.notADate))
        XCTAssertEqual(DateValue.parse("16 December 2025 or so"), .failure(.notADate))
    }

    func testCohortWordsAndYears() {
        let cohort = Cohort(number: 11, firstYear: 2026, applicationsOpen: date(2025, 12, 16), applicationsClose: date(2026, 4, 23))
        XCTAssertEqual(cohort.year1, "2026/27")
        XCTAssertEqual(cohort.year2, "2027/28")
        XCTAssertEqual(cohort.ordinalWithArticle, "an eleventh")
        XCTAssertEqual(Cohort.ordinalWord(12), "twelfth")
        XCTAssertEqual(Cohort.ordinalWord(21), "twenty-first")
        XCTAssertEqual(Cohort.ordinalWord(40), "fortieth")
        XCTAssertEqual(Cohort.ordinalWord(111), "111th")
        XCTAssertEqual(Cohort.academicYear(startingIn: 2099), "2099/00")
    }
}
