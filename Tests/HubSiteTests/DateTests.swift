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
        XCTAssertEqual(outcomes("116 December 2025, December 2025, 16 Dec 2025, 16 december 2025, 16 December 25, 2025"), [])
        XCTAssertEqual(outcomes("Maythorpe 3 Mayfield 2020"), [])
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
