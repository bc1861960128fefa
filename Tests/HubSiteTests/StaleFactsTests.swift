import XCTest
@testable import HubSite

/// Nothing stale survives a new cohort: a cohort 11 site with stale facts of every kind
/// (Tests/Fixtures/stale-cohort/before) is rolled over to cohort 12, and the build names each
/// at its place; once an editor has confirmed the moved dates and rewritten the sentences
/// (…/confirmed), nothing is left to say.
final class StaleFactsTests: XCTestCase {
    private let fixtures = TestSite.repository.appendingPathComponent("Tests/Fixtures/stale-cohort")
    private let today = CalendarDate(year: 2026, month: 12, day: 6)!

    /// A copy of `name` with the repository's templates, in a temporary folder.
    private func copy(_ name: String) throws -> URL {
        let folder = try TemporaryFolders.shared.make("hubsite-stale").appendingPathComponent("site")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: folder)
        try FileManager.default.copyItem(at: TestSite.repository.appendingPathComponent("templates"), to: folder.appendingPathComponent("templates"))
        return folder
    }

    private func warnings(in folder: URL) throws -> [String] {
        try SiteBuilder(source: folder, settings: BuildSettings(today: today)).render().warnings.map { "\($0.location): \($0.message)" }
    }

    func testEveryStaleFactIsNamedAtItsPlaceAfterRollingOver() throws {
        let folder = try copy("before")
        let rollover = CohortRollover(source: folder, today: today)
        let plan = try rollover.plan()
        try rollover.apply(plan)
        XCTAssertEqual(try warnings(in: folder), [
            "content/hubs/venn.md:4:21: applications_close 5pm on 13 March 2027 is not confirmed yet: `hubsite new-cohort` moved it on a year from the last cohort's",
            "content/hubs/venn.md:6:11: Venn Maths Hub's event \"Closing date for Cohort 10 applications\" on 13 March 2026 has passed: readers see it under \"Past events\"",
            "content/hubs/venn.md:7:29: \"Cohort 10\" is not this site's cohort: the site is for cohort 12",
            "content/hubs/venn.md:10:15: \"cohort 9\" is not this site's cohort: the site is for cohort 12",
            "content/hubs/venn.md:10:82: the year 2025 belongs to an earlier cohort: cohort 12's applications open in 2026",
            "content/index.md:8:56: \"an eleventh cohort\" is not this site's cohort: the site is for cohort 12",
            "content/index.md:22:18: \"cohort 11\" is not this site's cohort: the site is for cohort 12",
            "content/index.md:22:38: the date \"16 December 2025\" belongs to an earlier cohort: cohort 11's applications closed on 23 April 2026",
            "content/index.md:22:69: the date \"23 April 2026\" belongs to an earlier cohort: cohort 11's applications closed on 23 April 2026",
            "content/index.md:23:4: the year 2025 belongs to an earlier cohort: cohort 12's applications open in 2026",
            "content/index.md:23:91: the date \"12th June 2025\" belongs to an earlier cohort: cohort 11's applications closed on 23 April 2026",
            "content/index.md:24:29: the date \"Wednesday 11th March\" has no year: next cohort it would be wrong, and its weekday cannot be checked",
            "content/index.md:24:54: the date \"4th April\" has no year: next cohort it would be wrong, and its weekday cannot be checked",
            "site.yml:8:22: applications_open 16 December 2026 is not confirmed yet: `hubsite new-cohort` moved it on a year from the last cohort's",
            "site.yml:9:23: applications_close 23 April 2027 is not confirmed yet: `hubsite new-cohort` moved it on a year from the last cohort's",
        ])
        // The checklist new-cohort prints: every warning, the weekend days, and each hub to read with the hub.
        let checklist = rollover.checklist(after: plan)
        XCTAssertEqual(checklist.count, 17)
        XCTAssertEqual(checklist.suffix(2), [
            "content/hubs/venn.md:4: applications_close falls on a Saturday: 13 March 2027.",
            "content/hubs/venn.md: read the hub's page with the hub: its own dates and events for cohort 12",
        ])
        // --strict: the site is not published until each is done.
        let strict = SiteBuilder(source: folder, settings: BuildSettings(today: today, strict: true))
        XCTAssertThrowsError(try strict.render())
    }

    func testAfterTheEditorsConfirmationsNothingIsLeft() throws {
        let folder = try copy("confirmed")
        XCTAssertEqual(try warnings(in: folder), [])
        _ = try SiteBuilder(source: folder, settings: BuildSettings(today: today, strict: true)).render()
    }

    func testTheFixesNameTheVariableToWrite() throws {
        let cohort = Cohort(number: 11, firstYear: 2026, applicationsOpen: CalendarDate(year: 2025, month: 12, day: 16)!,
                            applicationsClose: CalendarDate(year: 2026, month: 4, day: 23)!)
        let found = StaleDateLint.findings(in: "In 2026, an eleventh cohort, the Eleventh Cohort, Cohort Eleven, cohort number 11, on 23rd April and 4 May; until 2028.",
                                           cohort: cohort).map { "\($0.message) [\($0.fix)]" }
        XCTAssertEqual(found, [
            "the year 2026 is written out [write {{cohort.start_year}} so that new-cohort moves it on]",
            "the cohort number in \"an eleventh cohort\" is written out [write \"{{cohort.ordinal_with_article}} cohort\" so that new-cohort moves it on]",
            "the cohort number in \"Eleventh Cohort\" is written out [write \"{{cohort.ordinal}} cohort\" so that new-cohort moves it on]",
            "the cohort number in \"Cohort Eleven\" is written out [write \"cohort {{cohort.number}}\" so that new-cohort moves it on]",
            "the cohort number in \"cohort number 11\" is written out [write \"cohort {{cohort.number}}\" so that new-cohort moves it on]",
            "the date \"23rd April\" has no year: next cohort it would be wrong, and its weekday cannot be checked [write {{cohort.applications_close}}, which is 23 April 2026]",
            "the date \"4 May\" has no year: next cohort it would be wrong, and its weekday cannot be checked [write the year, e.g. \"Monday 4 May 2026\"]",
            "the year 2028 is written out [write {{cohort.end_year}} so that new-cohort moves it on]",
        ])
    }

    func testOneFindingRepeatedIsListedTwentyTimesThenCounted() throws {
        let site = try TestSite(["content/x.md": "---\ntitle: X\n---\n\n" + String(repeating: "Join cohort 11 now. ", count: 30) + "\n"])
        let lint = try site.builder.render().warnings.filter { $0.location.file == "content/x.md" }
        XCTAssertEqual(lint.count, 21)
        // Sorted by place, the count comes first: it stands at the body's first line.
        XCTAssertEqual(lint.first?.message, "10 more times in this page: the cohort number in \"cohort 11\" is written out")
        XCTAssertEqual("\(lint.first!.location)", "content/x.md:4:1", "the body's first line")
    }

    func testHistoryAndOrdinaryWordsStayQuiet() {
        let cohort = Cohort(number: 12, firstYear: 2027, applicationsOpen: CalendarDate(year: 2026, month: 12, day: 16)!,
                            applicationsClose: CalendarDate(year: 2027, month: 4, day: 23)!)
        let quiet = [
            "Since 2014, and the 2021 DfE guidance; over 1,000 Specialists in 40 hubs.",
            "Join a cohort of teachers: the next cohort, each cohort, this cohort, cohorts 9 and 10.",
            "Teachers may apply; 4 may be enough; the {{cohort.ordinal}} cohort; cohort {{cohort.number}}.",
            "Sessions on 10 March 2027 and Wednesday 10 March 2027, at 7.5 days.",
        ]
        for text in quiet { XCTAssertEqual(StaleDateLint.findings(in: text, cohort: cohort).map(\.message), [], text) }
    }
}
