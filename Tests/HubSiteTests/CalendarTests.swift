import XCTest
@testable import HubSite

/// Calendars that calendar programs trust (RFC 5545): a DTSTAMP of when the file was made,
/// UIDs that survive corrections, timed events in UK time, past events listed apart.
final class CalendarTests: XCTestCase {
    private func hub(events: String) -> String {
        "---\nname: Solent Maths Hub\nregion: South East\nevents:\n\(events)---\n"
    }

    private func calendar(_ site: TestSite, settings: BuildSettings = BuildSettings()) throws -> String {
        let result = try SiteBuilder(source: site.folder, settings: settings).render()
        let file = try XCTUnwrap(result.files.first { $0.path == "hubs/solent/key-dates.ics" })
        return String(decoding: file.contents, as: UTF8.self)
    }

    func testDTSTAMPIsTheDayApplicationsOpenUnlessSOURCE_DATE_EPOCHSaysOtherwise() throws {
        let site = try TestSite(["content/hubs/solent.md": hub(events: "  - date: 14 January 2026\n    title: Information session\n")])
        let plain = try calendar(site)
        XCTAssertTrue(plain.contains("DTSTAMP:20251216T000000Z\r\nSEQUENCE:3133440\r\n"), plain)
        XCTAssertFalse(plain.contains("DTSTAMP:20260114"), "never the event's own (future) day")
        XCTAssertEqual(plain, try calendar(site), "same sources, same bytes")

        // 2026-12-03T14:30:00Z, as `git log -1 --format=%ct` would give it.
        let stamped = try calendar(site, settings: BuildSettings(sourceDateEpoch: "1796308200"))
        XCTAssertTrue(stamped.contains("DTSTAMP:20261203T143000Z\r\nSEQUENCE:3641190\r\n"), stamped)
        XCTAssertFalse(stamped.contains("DTSTAMP:20251216"))
    }

    func testAnUnreadableSOURCE_DATE_EPOCHIsAnError() throws {
        let site = try TestSite()
        for bad in ["yesterday", "-5", "1.5", ""] {
            XCTAssertThrowsError(try SiteBuilder(source: site.folder, settings: BuildSettings(sourceDateEpoch: bad)).render()) { error in
                let message = (error as? BuildFailure)?.diagnostics.first?.message ?? ""
                XCTAssertEqual(message, "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, found \"\(bad)\"")
            }
        }
    }

    func testUIDsSurviveCorrectionsOfTitleTimeAndPlace() throws {
        let site = try TestSite(["content/hubs/solent.md": hub(events: "  - date: 14 January 2026\n    title: Infromation sesion\n    time: 4pm\n    place: Room 1\n")])
        let before = try calendar(site)
        try site.write(hub(events: "  - date: 14 January 2026\n    title: Information session\n    time: 4:30pm\n    place: Hall\n"), to: "content/hubs/solent.md")
        let after = try calendar(site)
        for ics in [before, after] { XCTAssertTrue(ics.contains("UID:hub-solent-20260114@test-programme.hubsite\r\n"), ics) }
        XCTAssertNotEqual(before, after)
    }

    func testTwoEventsOnOneDayNeedIdsAndThenKeepThem() throws {
        let twice = "  - date: 14 January 2026\n    title: Morning session\n  - date: 14 January 2026\n    title: Evening session\n"
        let site = try TestSite(["content/hubs/solent.md": hub(events: twice)])
        XCTAssertEqual(site.failure()?.diagnostics.map { "\($0.location): \($0.message)\n    fix: \($0.fix)" }, [
            "content/hubs/solent.md:7:11: two events of this hub on 14 January 2026: calendars would keep only one of them (the other is at line 5)\n"
                + "    fix: give each of them a line \"id: …\" with a short name of its own, e.g. \"id: info-session-2\"",
        ])
        try site.write(hub(events: twice.replacingOccurrences(of: "    title: Evening session\n", with: "    title: Evening session\n    id: evening\n")),
                       to: "content/hubs/solent.md")
        let ics = try calendar(site)
        XCTAssertTrue(ics.contains("UID:hub-solent-20260114@test-programme.hubsite\r\n") && ics.contains("UID:hub-solent-evening@test-programme.hubsite\r\n"), ics)
        try site.write(hub(events: "  - date: 14 January 2026\n    title: A\n    id: Evening Session\n"), to: "content/hubs/solent.md")
        XCTAssertEqual(site.buildErrors(), [
            "content/hubs/solent.md:7:9: \"id\" must be a short name of lowercase letters, digits and hyphens, found \"Evening Session\"",
        ])
    }

    func testAValidTimeMakesATimedEventInUKTime() throws {
        let site = try TestSite(["content/hubs/solent.md": hub(events: """
              - date: 14 January 2026
                title: Winter session
                time: 4pm to 5:30pm
              - date: 10 June 2026
                title: Summer session
                time: 16:00
              - date: 11 June 2026
                title: Open day

            """)])
        let ics = try calendar(site)
        XCTAssertTrue(ics.contains("DTSTART;TZID=Europe/London:20260114T160000\r\nDTEND;TZID=Europe/London:20260114T173000\r\n"), ics)
        XCTAssertTrue(ics.contains("DTSTART;TZID=Europe/London:20260610T160000\r\nDTSTAMP") == false)
        XCTAssertTrue(ics.contains("DTSTART;TZID=Europe/London:20260610T160000\r\nSUMMARY:Summer session"), "a start alone: the event ends when it starts")
        XCTAssertTrue(ics.contains("DTSTART;VALUE=DATE:20260611\r\nDTEND;VALUE=DATE:20260612\r\n"), "no time: all day")
        XCTAssertTrue(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\nBEGIN:DAYLIGHT\r\n"))
        XCTAssertTrue(ics.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"))
        XCTAssertEqual(ics.components(separatedBy: "BEGIN:VTIMEZONE").count, 2, "one time zone, before the events")
        XCTAssertLessThan(ics.range(of: "BEGIN:VTIMEZONE")!.lowerBound, ics.range(of: "BEGIN:VEVENT")!.lowerBound)
        XCTAssertFalse(ics.contains("Time:"), "the time is in DTSTART, not only in the description")
        XCTAssertFalse(try calendar(TestSite(["content/hubs/solent.md": hub(events: "  - date: 14 January 2026\n    title: A\n")])).contains("VTIMEZONE"),
                       "no timed event, no time zone")
    }

    func testAnImpossibleOrUnreadableTimeIsAnErrorAtItsLine() throws {
        let site = try TestSite(["content/hubs/solent.md": hub(events: """
              - date: 14 January 2026
                title: A
                time: 25:00 to 4pm
              - date: 15 January 2026
                title: B
                time: after school
              - date: 16 January 2026
                title: C
                time: 17:00 to 16:00
              - date: 17 January 2026
                title: D
                time: 13pm

            """)])
        XCTAssertEqual(site.buildErrors(), [
            "content/hubs/solent.md:7:11: 25:00 is not a time of day: hours go up to 23 (or 12 with am/pm), minutes up to 59 in \"time: 25:00 to 4pm\"",
            "content/hubs/solent.md:10:11: \"after school\" is not a time of day in \"time: after school\"",
            "content/hubs/solent.md:13:11: the event ends before it starts in \"time: 17:00 to 16:00\"",
            "content/hubs/solent.md:16:11: 13pm is not a time of day: hours go up to 23 (or 12 with am/pm), minutes up to 59 in \"time: 13pm\"",
        ])
        XCTAssertEqual(site.failure()?.diagnostics.first?.fix,
                       "write the time as \"16:00\" or \"4pm\", or both ends as \"16:00 to 17:00\"; leave the line out if the time is not known")
    }

    func testEventTimeReadsTheUsualWaysOfWritingATime() {
        let cases: [(String, Int, Int?)] = [
            ("16:00", 960, nil), ("4pm", 960, nil), ("4 pm", 960, nil), ("4:30pm", 990, nil), ("4.30pm", 990, nil),
            ("12am", 0, nil), ("12pm", 720, nil), ("9:05", 545, nil), ("16:00 to 17:00", 960, 1020), ("4pm-5.30pm", 960, 1050),
            ("16:00–17:15", 960, 1035), ("4PM TO 5PM", 960, 1020),
        ]
        for (text, start, end) in cases {
            XCTAssertEqual(try? EventTime.parse(text).get(), EventTime(start: start, end: end), text)
        }
        for bad in ["16", "16:5", "4:60pm", "0am", "16:00 to", "to 17:00", "1 to 2 to 3", "sixteen hundred", "16:00:00", ""] {
            XCTAssertNil(try? EventTime.parse(bad).get(), bad)
        }
    }

    /// The page never calls an event past: the built HTML lists every event in date order, and
    /// only the reader's clock (site.js) moves one to "Past events". `hubsite check` warns.
    func testEventsAreListedInDateOrderAndCheckWarnsOnceTheyHavePassed() throws {
        let site = try TestSite.real(["content/hubs/solent.md": hub(events: """
              - date: 1 December 2025
                title: Last year's taster
              - date: 14 January 2026
                title: Information session

            """)])
        try site.build()
        let html = try site.read("hubs/solent/index.html")
        let pastBlock = try XCTUnwrap(html.range(of: #"<div class="key-dates__past" hidden>"#)).lowerBound
        let taster = try XCTUnwrap(html.range(of: "<dt>Last year’s taster</dt>") ?? html.range(of: "<dt>Last year&#39;s taster</dt>")
                                   ?? html.range(of: "<dt>Last year's taster</dt>")).lowerBound
        let session = try XCTUnwrap(html.range(of: "<dt>Information session</dt>")).lowerBound
        XCTAssertLessThan(taster, session)
        XCTAssertLessThan(session, pastBlock)
        XCTAssertTrue(html.contains(#"data-event-date="2026-01-14" data-event-ends="2026-01-14T24:00""#), "the reader's clock decides")
        let check = CohortCheck.diagnostics(for: try site.builder.render().site, today: CalendarDate(year: 2026, month: 2, day: 1)!)
            .filter { $0.location.file.hasPrefix("content/hubs/") }.map { "\($0.location): \($0.severity): \($0.message)" }
        XCTAssertEqual(check, [
            "content/hubs/solent.md:5:11: warning: Solent Maths Hub's event \"Last year's taster\" on 1 December 2025 has passed: readers see it under \"Past events\"",
            "content/hubs/solent.md:7:11: warning: Solent Maths Hub's event \"Information session\" on 14 January 2026 has passed: readers see it under \"Past events\"",
        ])
        // No event at all: no "Past events" block.
        let plain = try TestSite.real(["content/hubs/solent.md": "---\nname: Solent Maths Hub\nregion: South East\n---\n"])
        try plain.build()
        try plain.assertFile("hubs/solent/index.html", lacks: "Past events")
    }
}
