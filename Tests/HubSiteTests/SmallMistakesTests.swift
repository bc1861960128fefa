import XCTest
@testable import HubSite

/// Each mistake of an editor's day, with the exact message it gets: at its own line, with a fix
/// that fits, and nothing quoted that the editor did not write there.
final class SmallMistakesTests: XCTestCase {
    func testANulByteInFrontMatterIsReportedOnItsLine() throws {
        let site = try TestSite(["content/x.md": "---\ntitle: X\ndescription: A page\ntemplate: page\nnote: a\u{0}b\n---\n\nText.\n"])
        XCTAssertEqual(site.buildErrors(), ["content/x.md:5:8: this line holds an invisible control character (U+0000)"])
    }

    func testADuplicateKeyIsReportedAtItsSecondLineWithoutQuotingTheFile() throws {
        let site = try TestSite(["content/x.md": "---\ntitle: X\ndescription: A page\ntitle: Y\n---\n\nText.\n"])
        let failure = try XCTUnwrap(site.failure())
        XCTAssertEqual(failure.errors.map { "\($0.location): \($0.message) | \($0.fix)" },
                       [#"content/x.md:4:1: the key "title" is written twice (first on line 2) | keep one of the two lines"#])
        let cohort = try TestSite(["site.yml": TestSite.siteYML.replacingOccurrences(of: "  year2: 2027/28\n", with: "  year2: 2027/28\n  number: 12\n")])
        XCTAssertEqual(cohort.buildErrors(), [#"site.yml:7:3: the key "number" is written twice (first on line 4)"#])
    }

    func testAnUnclosedTemplateSectionIsReportedAtItsOpeningTag() throws {
        let site = try TestSite(["templates/partials/extra.mustache": "<p>\n  {{#site}}\n{{#page}}{{/page}}\nx\n"])
        XCTAssertEqual(site.buildErrors(), [#"templates/partials/extra.mustache:2:3: the section "site" opened here is never closed"#])
    }

    func testPortsOutsideTheirRangeAreRefusedWithTheRange() throws {
        let site = try TestSite()
        for port in ["99999", "-1"] {
            let result = try HubsiteBinary.run(["serve", "--port=\(port)"], in: site.folder)
            XCTAssertEqual(result.status, 64, port)
            XCTAssertTrue(result.stderr.hasPrefix("Error: --port must be from 1 to 65535, or 0 for any free port; found \(port)"), result.stderr)
        }
    }

    func testApplicationsThatOpenAndCloseOnTheSameDay() throws {
        let site = try TestSite(["site.yml": TestSite.siteYML.replacingOccurrences(of: "applications_close: 23 April 2026", with: "applications_close: 16 December 2025")])
        XCTAssertEqual(site.buildErrors(), ["site.yml:8:23: applications open and close on the same day (16 December 2025)"])
    }

    func testAWebsiteWithoutItsSchemeIsOfferedTheRightFix() throws {
        let site = try TestSite(["content/hubs/solent.md": "---\nname: Solent Maths Hub\nregion: South East\nwebsite: //www.example.org/solent/\n---\n"])
        let failure = try XCTUnwrap(site.failure())
        XCTAssertEqual(failure.errors.map(\.fix), [#"write the full address, e.g. "https://www.example.org/solent/""#])
    }

    func testSymlinkedSourcesAreRefusedAndNeverQuoted() throws {
        let site = try TestSite.real()
        let secret = site.folder.deletingLastPathComponent().appendingPathComponent("secret-\(UUID().uuidString).txt")
        try "password: hunter2\nmore: secrets\n".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let siteYML = site.folder.appendingPathComponent("site.yml")
        try FileManager.default.removeItem(at: siteYML)
        try FileManager.default.createSymbolicLink(at: siteYML, withDestinationURL: secret)
        let failure = try XCTUnwrap(site.failure())
        XCTAssertEqual(failure.errors.map { "\($0.location): \($0.message)" },
                       ["site.yml:1:1: this is a symbolic link; hubsite does not follow links, which could lead outside the site's folder"])
        XCTAssertFalse(failure.description.contains("hunter2"))

        let partial = try TestSite.real()
        let footer = partial.folder.appendingPathComponent("templates/partials/footer.mustache")
        try FileManager.default.moveItem(at: footer, to: partial.folder.appendingPathComponent("footer-elsewhere.mustache"))
        try FileManager.default.createSymbolicLink(at: footer, withDestinationURL: partial.folder.appendingPathComponent("footer-elsewhere.mustache"))
        XCTAssertEqual(partial.buildErrors(), [
            "templates/partials/footer.mustache:1:1: this is a symbolic link; hubsite does not follow links, which could lead outside the site's folder",
        ])
    }

    func testASiteYMLThatIsAFolderSaysSo() throws {
        let site = try TestSite(["site.yml": nil])
        try FileManager.default.createDirectory(at: site.folder.appendingPathComponent("site.yml"), withIntermediateDirectories: true)
        XCTAssertEqual(site.buildErrors(), ["site.yml:1:1: site.yml is a folder, not a file"])
    }

    func testAYAMLErrorNeverQuotesTheWholeFile() throws {
        let site = try TestSite(["site.yml": TestSite.siteYML + "secret: [unclosed\n"])
        let failure = try XCTUnwrap(site.failure())
        XCTAssertFalse(failure.description.contains("Test Programme"), failure.description)
    }

    func testCheckAndNewCohortEndWithTheirOwnSummary() throws {
        let site = try TestSite()
        let check = try HubsiteBinary.run(["check"], in: site.folder)
        XCTAssertEqual(check.status, 1)
        XCTAssertEqual(check.stderr, """
            public/:1:1: error: no built site here (no index.html)
                fix: build it first with `hubsite build`
            check failed: nothing to check

            """)
        try site.write("---\ntitle: X\n---\n\n31 February 2026\n", to: "content/x.md")
        let rollover = try HubsiteBinary.run(["new-cohort", "--today", "2026-05-01"], in: site.folder)
        XCTAssertEqual(rollover.status, 1)
        XCTAssertTrue(rollover.stderr.hasSuffix("new-cohort stopped: nothing was changed\n"), rollover.stderr)
        XCTAssertFalse(rollover.stderr.contains("build failed"), rollover.stderr)
    }

    /// `check` builds the sources in memory once; a folder that holds the same files is not
    /// checked a second time, and one that does not is checked as it is, with a word about it.
    func testCheckSaysWhenTheFolderIsNotWhatTheSourcesMake() throws {
        let site = try TestSite()
        try site.build()
        let fresh = try HubsiteBinary.run(["check"], in: site.folder)
        XCTAssertEqual(fresh.status, 0, fresh.stderr)
        XCTAssertFalse(fresh.stderr.contains("not what the sources make"), fresh.stderr)
        XCTAssertTrue((fresh.stdout + fresh.stderr).contains("checked "), fresh.stderr)
        try site.write("---\ntitle: A\n---\n\nNew words.\n", to: "content/accessibility.md")
        let stale = try HubsiteBinary.run(["check"], in: site.folder)
        XCTAssertEqual(stale.status, 0, stale.stderr)
        XCTAssertTrue(stale.stderr.contains("""
            public/:1:1: warning: this folder is not what the sources make now, so it was checked as it is
                fix: run `hubsite build` to bring it up to date
            """), stale.stderr)
    }

    func testCheckReportsSourcesThatNoLongerBuild() throws {
        let site = try TestSite()
        try site.build()
        try site.write("---\ntitle: A\n---\n\n[gone](/nowhere/)\n", to: "content/accessibility.md")
        let check = try HubsiteBinary.run(["check"], in: site.folder)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stderr.contains(#"content/accessibility.md:5:1: error: broken link "/nowhere/": nowhere/index.html does not exist in the site"#), check.stderr)
    }

    func testNewCohortKeepsAFlowMappingAndWindowsLineEndings() throws {
        let flow = "title: Test Programme\r\nlanguage: en-GB\r\ncohort: {number: 11, year1: 2026/27,\r\n  applications_open: 16 December 2025, applications_close: 23 April 2026}\r\n"
        let site = try TestSite(["site.yml": flow])
        try Data(flow.utf8).write(to: site.folder.appendingPathComponent("site.yml"))
        let result = try HubsiteBinary.run(["new-cohort", "--today", "2026-05-01"], in: site.folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try String(contentsOf: site.folder.appendingPathComponent("site.yml"), encoding: .utf8),
                       "title: Test Programme\r\nlanguage: en-GB\r\ncohort: {number: 12, year1: 2027/28,\r\n  applications_open: 16 December 2026, applications_close: 23 April 2027}   # unconfirmed: new-cohort moved this date on a year; delete this comment once it is confirmed\r\n")
    }

    func testEmptyHeadingsAndScriptLinksAreWarnedAtTheirPlace() throws {
        let site = try TestSite(["content/x.md": "---\ntitle: X\n---\n\n## Real\n\n###   \n\nSee [this](javascript:alert(1)).\n"])
        let result = try site.build()
        XCTAssertEqual(result.warnings.map { "\($0.location): \($0.severity): \($0.message)" }, [
            "content/x.md:7:1: warning: this heading is empty: a screen reader announces a heading with nothing in it",
            #"content/x.md:9:5: warning: the address "javascript:alert(1)" is left out of the page: javascript: addresses can run code, so links to them are removed"#,
        ])
    }

    func testMarkdownFilesWithOtherEndingsSayWhatHappensToThem() throws {
        let site = try TestSite(["content/notes.MD": "# Notes\n", "content/accessibility.md.bak": "old\n"])
        let failure = try XCTUnwrap(site.failure())
        XCTAssertEqual(failure.diagnostics.map { "\($0.location): \($0.severity): \($0.message)" }, [
            "content/accessibility.md.bak:1:1: warning: this looks like a copy or backup of a page, so it is left out of the site",
            "content/notes.MD:1:1: error: hubsite reads pages from names ending in .md, in small letters with nothing after; this one would be published as a raw file",
        ])
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("content/notes.MD"))
        try site.build()
        XCTAssertFalse(site.exists("accessibility.md.bak"))
    }

    /// Values that would have made links or messages say more than the editor meant.
    func testValuesThatWouldChangeLinksOrMessagesAreRefused() throws {
        let email = try TestSite(["content/hubs/solent.md": "---\nname: Solent Maths Hub\nregion: South East\ncontact:\n  email: secondary?bcc=someone@example.org&body=hello\n---\n"])
        XCTAssertEqual(email.buildErrors(), [#"content/hubs/solent.md:5:10: "secondary?bcc=someone@example.org&body=hello" is not a valid email address"#])
        for base in ["https://www.example.org/cpd/?page=1", "https://www.example.org/cpd/#top"] {
            let site = try TestSite(["site.yml": TestSite.siteYML + "base_url: \(base)\n"])
            XCTAssertEqual(site.buildErrors(), [##"site.yml:9:11: "base_url" must not hold "?" or "#": every page's address is made by adding its path to it, found "\##(base)""##])
        }
        let complexKey = try TestSite(["content/x.md": "---\ntitle: X\n? [a, b]\n: c\n---\n\nWords.\n"])
        XCTAssertEqual(complexKey.buildErrors(), [#"content/x.md:3:3: a key of the front matter is a list or a mapping; keys are single words such as "title""#])
        let marks = try TestSite(["content/x.md": "\u{FEFF}\u{FEFF}---\ntitle: Two marks\n---\n\nWords.\n"])
        try marks.build()
        try marks.assertFile("x/index.html", contains: "Two marks")
    }
}
