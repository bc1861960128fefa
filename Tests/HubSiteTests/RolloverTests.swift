import XCTest
@testable import HubSite

/// `hubsite new-cohort` over a cohort 11 fixture, and the stale-date checks.
final class RolloverTests: XCTestCase {
    private let fixtures = TestSite.repository.appendingPathComponent("Tests/Fixtures/rollover")
    private let may2026 = CalendarDate(year: 2026, month: 5, day: 1)!

    /// A copy of `before/` in a temporary folder.
    private func copyOfBefore() throws -> URL {
        let folder = try TemporaryFolders.shared.make("hubsite-rollover").appendingPathComponent("site")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("before"), to: folder)
        return folder
    }

    private func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for url in FileTree.files(under: folder) where !url.path.contains("/public/") {
            files[FileTree.relativePath(of: url, in: folder)] = try Data(contentsOf: url)
        }
        return files
    }

    func testCohort11RolledOverMatchesTheExpectedFixtureByteForByte() throws {
        let folder = try copyOfBefore()
        let rollover = CohortRollover(source: folder, today: may2026)
        let plan = try rollover.plan()
        try rollover.apply(plan)
        let expected = try tree(fixtures.appendingPathComponent("after"))
        let actual = try tree(folder)
        XCTAssertEqual(actual.keys.sorted(), expected.keys.sorted())
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(actual[path], data, "\(path) differs from Tests/Fixtures/rollover/after/\(path)")
        }
        XCTAssertEqual(plan.changes, [
            "site.yml:5: cohort.number 11 → 12",
            "site.yml:6: cohort.year1 2026/27 → 2027/28",
            "site.yml:7: cohort.year2 2027/28 → 2028/29",
            "site.yml:8: cohort.applications_open 2025-12-19 → 2026-12-19",
            "site.yml:9: cohort.applications_close Thursday 23 April 2026 → Friday 23 April 2027",
            "content/hubs/solent.md:4: applications_open Fri 2 Jan 2026 → Saturday 2 January 2027",
            "content/hubs/solent.md:5: applications_close 5pm on 12 March 2026 → 5pm on 12 March 2027",
            "content/archive/cohort-11/index.html: the cohort 11 sheet, kept and linked from the new sheet",
            "content/archive/cohort-11/key-dates.ics: the cohort 11 sheet, kept and linked from the new sheet",
        ])
        XCTAssertEqual(plan.reviews, [
            "Applications open falls on a Saturday: 19 December 2026. Check the date in site.yml.",
            "content/hubs/solent.md: the event \"Information session\" on 14 January 2026 is in the past. Update or remove it.",
            "content/hubs/solent.md:4: applications_open falls on a Saturday: 2 January 2027.",
            "content/hubs/solent.md: the hub's own dates moved on a year. Check them with the hub.",
        ])
    }

    func testTheArchiveIsPublishedAndLinkedFromTheNewSheet() throws {
        let folder = try copyOfBefore()
        let rollover = CohortRollover(source: folder, today: may2026)
        try rollover.apply(try rollover.plan())
        try SiteBuilder(source: folder).build(into: folder.appendingPathComponent("public"))
        let result = try SiteBuilder(source: folder).render()
        XCTAssertEqual(result.site.config.cohort.number, 12)
        let sheet = String(decoding: try XCTUnwrap(result.files.first { $0.path == "index.html" }).contents, as: UTF8.self)
        XCTAssertTrue(sheet.contains(#"<a href="archive/cohort-11/index.html">Cohort 11</a>"#), sheet)
        XCTAssertTrue(sheet.contains("Cohort 12 (2027/28) information sheet"))
        let archived = String(decoding: try XCTUnwrap(result.files.first { $0.path == "archive/cohort-11/index.html" }).contents, as: UTF8.self)
        XCTAssertTrue(archived.contains("Archived sheet for cohort 11 (2026/27)."))
        XCTAssertTrue(archived.contains(#"href="../../style.css""#))
        XCTAssertTrue(result.files.contains { $0.path == "archive/cohort-11/key-dates.ics" })
    }

    func testRunningItTwiceByMistakeIsRefusedAndChangesNothing() throws {
        let folder = try copyOfBefore()
        let first = CohortRollover(source: folder, today: may2026)
        try first.apply(try first.plan())
        let before = try tree(folder)
        let again = CohortRollover(source: folder, today: CalendarDate(year: 2026, month: 5, day: 2)!)
        XCTAssertThrowsError(try again.plan()) { error in
            XCTAssertEqual((error as? BuildFailure)?.errors.first?.message,
                           "cohort 12's application deadline (23 April 2027) has not passed yet, so this looks like a second run by mistake")
            XCTAssertEqual((error as? BuildFailure)?.errors.first?.fix,
                           "if you really mean to prepare cohort 13 now, run `hubsite new-cohort --to 13`")
        }
        XCTAssertEqual(try tree(folder), before)
        // Saying so explicitly is allowed.
        let explicit = CohortRollover(source: folder, today: CalendarDate(year: 2026, month: 5, day: 2)!, target: 13)
        XCTAssertEqual(try explicit.plan().to.number, 13)
    }

    func testSkippingACohortIsRefused() throws {
        let folder = try copyOfBefore()
        XCTAssertThrowsError(try CohortRollover(source: folder, today: may2026, target: 14).plan()) { error in
            XCTAssertEqual((error as? BuildFailure)?.errors.first?.message, "the site is for cohort 11, so the next cohort is 12, not 14")
        }
    }

    func testAnAlreadyArchivedCohortIsRefused() throws {
        let folder = try copyOfBefore()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content/archive/cohort-11"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try CohortRollover(source: folder, today: may2026).plan()) { error in
            XCTAssertEqual((error as? BuildFailure)?.errors.first?.message, "cohort 11 is already archived")
        }
    }

    func testABrokenSiteIsNotRolledOver() throws {
        let folder = try copyOfBefore()
        try Data("---\ntitle: X\ncolour: red\n---\n".utf8).write(to: folder.appendingPathComponent("content/accessibility.md"))
        let before = try tree(folder)
        XCTAssertThrowsError(try CohortRollover(source: folder, today: may2026).plan()) { error in
            XCTAssertEqual((error as? BuildFailure)?.errors.first?.message, "unknown key \"colour\" in the front matter")
        }
        XCTAssertEqual(try tree(folder), before)
    }

    /// Every change new-cohort reports is made, or none is: values it cannot edit in place
    /// stop it before anything is written; values after other letters on their line are found.
    func testEveryReportedEditIsMadeOrNothingIsWritten() throws {
        let cohortLines = """
              number: 11            # the cohort
              year1: "2026/27"
              year2: 2027/28
              applications_open: 2025-12-19
              applications_close: Thursday 23 April 2026
            """
        let refused: [(String, String)] = [
            ("cohort:\n  number: 11\n  year1: 2026/27\n  applications_open: &open 2025-12-19\n  applications_close: 23 April 2026", "applications_open"),
            ("cohort:\n  number: 11\n  year1: 2026/27\n  applications_open: >-\n    19 December\n    2025\n  applications_close: 23 April 2026", "applications_open"),
        ]
        for (yaml, key) in refused {
            let folder = try copyOfBefore()
            let siteFile = folder.appendingPathComponent("site.yml")
            let text = try String(contentsOf: siteFile, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "cohort:\n" + cohortLines, with: yaml).utf8).write(to: siteFile)
            let before = try tree(folder)
            XCTAssertThrowsError(try CohortRollover(source: folder, today: may2026).plan(), yaml) { error in
                XCTAssertEqual((error as? BuildFailure)?.errors.first?.message,
                               "new-cohort cannot change cohort.\(key) where it is written (inside {…}, behind an anchor, or over several lines), so nothing was changed", yaml)
            }
            XCTAssertEqual(try tree(folder), before, yaml)
        }
        // A {…} mapping, with letters beyond ASCII before the values on their line (Yams counts
        // characters, not bytes): every value is moved on.
        let folder = try copyOfBefore()
        let siteFile = folder.appendingPathComponent("site.yml")
        try Data("""
            {title: "Maths – Hubs’ Programme", language: en-GB, cohort: {number: 11, year1: 2026/27, applications_open: 2025-12-19, applications_close: 23 April 2026}}

            """.utf8).write(to: siteFile)
        let plan = try CohortRollover(source: folder, today: may2026).plan()
        try CohortRollover(source: folder, today: may2026).apply(plan)
        XCTAssertEqual(try String(contentsOf: siteFile, encoding: .utf8), """
            {title: "Maths – Hubs’ Programme", language: en-GB, cohort: {number: 12, year1: 2027/28, applications_open: 2026-12-19, applications_close: 23 April 2027}}   # unconfirmed: new-cohort moved this date on a year; delete this comment once it is confirmed

            """)
    }

    /// site.yml is replaced in one step and keeps its mode; killed after the archive was made and
    /// before site.yml changed, the next build says what happened and how to finish.
    func testARolloverStoppedHalfWayIsReportedAndSiteYMLKeepsItsMode() throws {
        let folder = try copyOfBefore()
        let siteFile = folder.appendingPathComponent("site.yml")
        chmod(siteFile.path, 0o600)
        let strace = try HubsiteBinary.strace()
        // The archive folder is renamed into place first, site.yml second: held at the second.
        let rollover = HubsiteBinary.start(["new-cohort", "--to", "12"], in: folder, prefix: [
            strace, "-f", "-qq", "-o", "/dev/null", "-e", "trace=rename,renameat,renameat2", "-e", "inject=rename,renameat,renameat2:delay_enter=30000000:when=2"])
        try rollover.run()
        let archive = folder.appendingPathComponent("content/archive/cohort-11/index.html")
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: archive.path), Date() < deadline { usleep(5_000) }
        usleep(100_000)
        // hubsite first: a tracer killed first would let it run on.
        for pid in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            if let cmdline = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8), cmdline.hasPrefix(HubsiteBinary.url.path + "\0new-cohort") {
                kill(pid_t(pid)!, SIGKILL)
            }
        }
        usleep(100_000)
        kill(rollover.processIdentifier, SIGKILL)
        rollover.waitUntilExit()
        XCTAssertTrue(FileManager.default.fileExists(atPath: archive.path))
        XCTAssertTrue(try String(contentsOf: siteFile, encoding: .utf8).contains("number: 11"))
        let build = try HubsiteBinary.run(["build"], in: folder)
        XCTAssertEqual(build.status, 1)
        XCTAssertTrue(build.stderr.contains("""
            content/archive/cohort-11/index.html:1:1: error: cohort 11 is archived, but site.yml is still for cohort 11: `hubsite new-cohort` was stopped before it finished
                fix: remove content/archive/cohort-11/ and run `hubsite new-cohort` again
            """), build.stderr)
        // Doing what it says finishes the job, and site.yml keeps its mode.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("content/archive/cohort-11"))
        let again = try HubsiteBinary.run(["new-cohort", "--to", "12"], in: folder)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(try String(contentsOf: siteFile, encoding: .utf8).contains("number: 12"))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: siteFile.path)[.posixPermissions] as? Int, 0o600)
    }

    func testSiteYMLValuesAreRewrittenInTheirOwnStyle() {
        XCTAssertEqual(CohortRollover.academicYear(like: "2026/27", startingIn: 2027), "2027/28")
        XCTAssertEqual(CohortRollover.academicYear(like: "2026/2027", startingIn: 2027), "2027/2028")
        XCTAssertEqual(CohortRollover.academicYear(like: "2026-27", startingIn: 2027), "2027-28")
        let date = CalendarDate(year: 2026, month: 12, day: 16)!
        XCTAssertEqual(CohortRollover.date(date, like: "2025-12-16"), "2026-12-16")
        XCTAssertEqual(CohortRollover.date(date, like: "Tuesday 16 December 2025"), "Wednesday 16 December 2026")
        XCTAssertEqual(CohortRollover.date(date, like: "16 December 2025"), "16 December 2026")
        XCTAssertEqual(YAMLScalarEdit.apply([YAMLScalarEdit(line: 2, column: 9, oldValue: "11", newValue: "12")], to: "a: 1\nnumber: 11   # keep\n"),
                       "a: 1\nnumber: 12   # keep\n")
        XCTAssertEqual(YAMLScalarEdit.apply([YAMLScalarEdit(line: 1, column: 18, oldValue: "11", newValue: "12")], to: "cohort: {number: 11, year1: 2026/27}\n"),
                       "cohort: {number: 12, year1: 2026/27}\n")
    }

    // MARK: - Stale-date lint and key date order

    func testLintFindsYearsDatesAndCohortNumbersWrittenOut() throws {
        let cohort = Cohort(number: 11, firstYear: 2026, applicationsOpen: CalendarDate(year: 2025, month: 12, day: 16)!,
                            applicationsClose: CalendarDate(year: 2026, month: 4, day: 23)!)
        let text = "In 2025/26 and 2026/27, since 2014, in 2027, Cohort 11, by 23 April 2026 or 1 March 2024; see 1/2026."
        let found = StaleDateLint.findings(in: text, cohort: cohort).map(\.message)
        XCTAssertEqual(found, [
            "the academic year \"2025/26\" is not this cohort's: the site is for cohort 11 (2026/27 and 2027/28)",
            "the academic year \"2026/27\" is written out",
            "the year 2027 is written out",
            "the cohort number in \"Cohort 11\" is written out",
            "the date \"23 April 2026\" is written out",
            "the date \"1 March 2024\" belongs to an earlier cohort: cohort 10's applications closed on 23 April 2025",
        ])
    }

    func testBuildReportsStaleProseAndAPassedDeadlineAsCheckDoes() throws {
        let site = try TestSite(["content/x.md": "---\ntitle: X\n---\n\nFunding for 2025/26 is confirmed.\n"])
        // `hubsite build` runs every rule over the sources that `hubsite check` runs: it fails here.
        let built = try HubsiteBinary.run(["build", "--today", "2026-05-01", "--strict"], in: site.folder)
        XCTAssertEqual(built.status, 1)
        XCTAssertEqual(built.stderr, """
            content/x.md:5:13: warning: the academic year "2025/26" is not this cohort's: the site is for cohort 11 (2026/27 and 2027/28)
                fix: write {{cohort.year1}} or {{cohort.year2}}, which change with the cohort
            site.yml:1:1: warning: cohort 11's application deadline, 23 April 2026, has passed
                fix: when the site should move on to cohort 12, run `hubsite new-cohort`
            build failed: 2 warnings (--strict); public/ was left as it was

            """)
        try site.write("---\ntitle: X\n---\n\nFunding for {{cohort.year1}} is confirmed.\n", to: "content/x.md")
        let result = try site.builder.render()
        let found = CohortCheck.diagnostics(for: result.site, today: CalendarDate(year: 2026, month: 5, day: 1)!)
        XCTAssertEqual(found.map(\.description), [
            "site.yml:1:1: warning: cohort 11's application deadline, 23 April 2026, has passed\n    fix: when the site should move on to cohort 12, run `hubsite new-cohort`",
        ])
        XCTAssertEqual(CohortCheck.diagnostics(for: result.site, today: CalendarDate(year: 2026, month: 4, day: 23)!).count, 0,
                       "on the deadline day itself, nothing has passed yet")
    }

    func testWindowMustCloseBeforeYearOneStarts() throws {
        let site = try TestSite(["site.yml": TestSite.siteYML.replacingOccurrences(of: "23 April 2026", with: "2 September 2026")])
        XCTAssertEqual(site.buildErrors(), ["site.yml:8:23: applications close (2 September 2026) after Year 1 begins (September 2026)"])
    }

    func testTheRealContentNeedsNoHandEditsToRollOver() throws {
        let result = try SiteBuilder(source: TestSite.repository).render()
        let content = result.warnings.filter { $0.location.file.hasPrefix("content/") }
        XCTAssertEqual(content.map(\.description), [], "the real content writes every cohort fact through a variable")
    }
}
