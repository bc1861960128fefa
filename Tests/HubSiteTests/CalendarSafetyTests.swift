import XCTest
@testable import HubSite

/// Nothing an editor writes can add a line of its own to a calendar file: a new VEVENT smuggled
/// in through a title would reach everyone who subscribed.
final class CalendarSafetyTests: XCTestCase {
    private func hub(title: String, place: String = "Online", name: String = "Solent Maths Hub") -> String {
        """
        ---
        name: \(name)
        region: South East
        events:
          - date: 14 January 2026
            title: \(title)
            place: \(place)
        ---

        """
    }

    func testCarriageReturnsAndOtherControlCharactersAreErrorsAtTheirPlace() throws {
        let site = try TestSite([
            "content/hubs/solent.md": hub(title: #""Session\r\nBEGIN:VEVENT\r\nSUMMARY:Free iPad""#, place: #""Room 1\rLOCATION:elsewhere""#),
            "content/hubs/jurassic.md": hub(title: "Open day", name: #""Jurassic\u0000 Maths Hub""#),
        ])
        XCTAssertEqual(site.buildErrors(), [
            "content/hubs/jurassic.md:2:7: this value holds an invisible control character (U+0000)",
            "content/hubs/solent.md:6:12: this value holds an invisible control character (U+000D, a carriage return)",
            "content/hubs/solent.md:7:12: this value holds an invisible control character (U+000D, a carriage return)",
        ])
        // site.yml's errors come alone: without it no page can be read.
        let config = try TestSite(["site.yml": TestSite.siteYML.replacingOccurrences(of: "title: Test Programme", with: #"title: "Test\tProgramme\u001B[31m""#)])
        XCTAssertEqual(config.buildErrors(), ["site.yml:1:8: this value holds an invisible control character (U+001B)"])
    }

    func testLineBreaksCommasSemicolonsAndBackslashesAreEscaped() throws {
        let site = try TestSite([
            "content/hubs/solent.md": hub(title: "|\n      Session one\n      BEGIN:VEVENT", place: #""Room 1, Hall; C:\\maths""#),
        ])
        try site.build()
        let calendar = try site.read("hubs/solent/key-dates.ics")
        let lines = calendar.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.filter { $0 == "BEGIN:VEVENT" }.count, 3, "the two key dates and the one event")
        XCTAssertTrue(lines.contains(#"SUMMARY:Session one\nBEGIN:VEVENT\n (Solent Maths Hub)"#), calendar)
        XCTAssertTrue(lines.contains(#"LOCATION:Room 1\, Hall\; C:\\maths"#), calendar)
        XCTAssertFalse(calendar.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare line feed")
        XCTAssertFalse(calendar.contains("\r\n\r\n"), "no empty line")
    }

    func testTheEscapingLeavesOutAnyControlCharacterThatGetsThisFar() {
        XCTAssertEqual(ICalendar.escape("a\r\nb\u{0}c\u{1B}d\u{2028}e,f;g\\h"), #"a\n\nbcd\ne\,f\;g\\h"#)
    }

    /// An hour that UK clocks skip, the last day a calendar can hold, and a line longer than
    /// any fold by characters would keep under 75 octets.
    func testCalendarsHoldOnlyTimesThatExistAndLinesOfAtMost75Octets() throws {
        let skipped = try TestSite(["content/hubs/solent.md": "---\nname: Solent Maths Hub\nregion: South East\nevents:\n  - date: 29 March 2026\n    title: Early\n    time: 01:30\n---\n"])
        XCTAssertEqual(skipped.buildErrors(), ["content/hubs/solent.md:7:11: 01:30 on 29 March 2026 does not exist in UK time: that night the clocks go forward from 01:00 to 02:00"])
        let combining = "e" + String(repeating: "\u{301}", count: 100)
        let site = try TestSite(["content/hubs/solent.md": "---\nname: Solent Maths Hub\nregion: South East\nevents:\n  - date: 31 December 9999\n    title: \(combining)\n  - date: 29 March 2026\n    title: Late\n    time: 02:30\n---\n"])
        try site.build()
        let calendar = try site.read("hubs/solent/key-dates.ics")
        for line in calendar.components(separatedBy: "\r\n") {
            XCTAssertLessThanOrEqual(line.utf8.count, 75, line)
        }
        let unfolded = calendar.replacingOccurrences(of: "\r\n ", with: "")
        XCTAssertEqual(unfolded.unicodeScalars.count { $0 == "\u{301}" }, 100, "every mark is kept, across the folds")
        XCTAssertTrue(unfolded.contains("DTSTART;VALUE=DATE:99991231\r\nSUMMARY:"), "no DTEND that iCalendar cannot write")
    }
}
