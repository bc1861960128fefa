import XCTest
@testable import HubSite

/// What real Maths Hub pages publish, written into hub files and built: the hub's own window
/// with a time, named contacts with phones, documents, booking links and online sessions,
/// old addresses kept by aliases, and calendar events that belong to this site alone.
final class RealHubDataTests: XCTestCase {
    static let venn = """
        ---
        name: Venn Maths Hub
        region: East of England
        applications_open: Fri 2 Jan 2026
        applications_close: 5pm on 13 March 2026
        contacts:
          - name: Jo Smith
            role: Secondary Lead
            email: jo@venn.example
            phone: 01234 567890
          - name: Sam Jones
            phone: +44 (0)20 7946 0000
        documents:
          - title: Information sheet
            file: information sheet.pdf
          - title: Application form
            url: https://www.example.org/form.docx
        events:
          - date: 12th january 2026
            title: Information session
            time: 4pm to 5pm
            online: true
            booking_url: https://www.example.org/book
        aliases:
          - /hubs/venn-essex/
        ---

        """

    private func vennSite(_ extra: [String: String] = [:]) throws -> TestSite {
        let site = try TestSite.real(["content/hubs/venn.md": Self.venn].merging(extra) { $1 })
        try site.write(Data(count: 245_760), to: "content/hubs/venn/information sheet.pdf")
        return site
    }

    func testTheHubPageShowsContactsDocumentsItsOwnWindowAndBookingLinks() throws {
        let site = try vennSite()
        try site.build()
        try site.assertFile("hubs/venn/index.html", contains:
            #"<span class="contacts__name">Jo Smith</span>, Secondary Lead <a class="contacts__way" href="mailto:jo@venn.example">jo@venn.example</a> <a class="contacts__way" href="tel:+441234567890">01234 567890</a>"#,
            #"<span class="contacts__name">Sam Jones</span> <a class="contacts__way" href="tel:+442079460000">+44 (0)20 7946 0000</a>"#,
            #"<a href="information%20sheet.pdf">Information sheet</a> <span class="documents__about">(PDF, 240 KB)</span>"#,
            #"<a href="https://www.example.org/form.docx" rel="external">Application form</a> <span class="documents__about">(Word document)</span>"#,
            #"data-opens="2026-01-02T00:00" data-closes="2026-03-13T17:00""#,
            #"close <time datetime="2026-03-13">5pm on 13 March 2026</time>"#,
            "<dt>Application deadline</dt>\n<dd><time datetime=\"2026-03-13\">Friday 13 March 2026</time>, 5pm</dd>",
            "<dt>Applications open</dt>\n<dd><time datetime=\"2026-01-02\">Friday 2 January 2026</time></dd>",
            #"data-event-date="2026-01-12" data-event-ends="2026-01-12T17:00""#,
            #"4pm to 5pm, online<br><a href="https://www.example.org/book" rel="external">Book a place"#)
        XCTAssertEqual(Data(try Data(contentsOf: site.output.appendingPathComponent("hubs/venn/information sheet.pdf"))).count, 245_760)
        // The programme's own dates stay on the sheet; the finder names the hub's deadline.
        try site.assertFile("index.html", contains: #"data-opens="2025-12-16T00:00" data-closes="2026-04-23T24:00""#)
        try site.assertFile("hubs/index.html", contains: #"<span class="hub-list__deadline">Hub’s own deadline: 5pm on 13 March 2026</span>"#)
    }

    func testTheHubCalendarHasItsOwnDeadlineAtItsTimeAndTheBookingLink() throws {
        let site = try vennSite()
        try site.build()
        let ics = try site.read("hubs/venn/key-dates.ics")
        XCTAssertTrue(ics.contains("UID:hub-venn-cohort-11-applications-close@test-programme.hubsite\r\nDTSTAMP:"), ics)
        XCTAssertTrue(ics.contains("DTSTART;TZID=Europe/London:20260313T170000\r\nSUMMARY:Application deadline (Venn Maths Hub): Test Programme\r\n"), ics)
        XCTAssertTrue(ics.contains("DTSTART;VALUE=DATE:20260102\r\nDTEND;VALUE=DATE:20260103\r\nSUMMARY:Applications open (Venn Maths Hub)"), ics)
        XCTAssertTrue(ics.contains("LOCATION:Online\r\nURL:https://www.example.org/book\r\n"), ics)
        XCTAssertFalse(ics.contains("20260423"), "the programme's deadline is replaced by the hub's own")
        XCTAssertTrue(try site.read("key-dates.ics").contains("DTSTART;VALUE=DATE:20260423"))
    }

    func testCalendarUIDsBelongToTheSite() throws {
        func uids(_ settings: String) throws -> [String] {
            let site = try vennSite(["site.yml": TestSite.siteYML + settings])
            try site.build()
            return try site.read("hubs/venn/key-dates.ics").split(separator: "\r\n").filter { $0.hasPrefix("UID:") }.map(String.init)
        }
        let byTitle = try uids("")
        XCTAssertTrue(byTitle.allSatisfy { $0.hasSuffix("@test-programme.hubsite") }, "\(byTitle)")
        let byBase = try uids("base_url: https://www.example.org/cpd/Mastery/\n")
        XCTAssertTrue(byBase.allSatisfy { $0.hasSuffix("@www.example.org-cpd-mastery") }, "\(byBase)")
        let byID = try uids("site_id: primary.mathshubs.example\n")
        XCTAssertTrue(byID.allSatisfy { $0.hasSuffix("@primary.mathshubs.example") }, "\(byID)")
        XCTAssertEqual(Set(byTitle).count, byTitle.count, "no two events of one calendar share a UID")
        XCTAssertTrue(Set(byTitle).isDisjoint(with: byBase), "two sites never share an event")
        XCTAssertEqual(try uids(""), byTitle, "stable from build to build")
    }

    func testAnAliasKeepsTheOldAddressAndItsCalendar() throws {
        let site = try vennSite(["content/accessibility.md": "---\ntitle: Accessibility statement\naliases:\n  - /access.html\n---\n\nWe test.\n"])
        try site.build()
        try site.assertFile("hubs/venn-essex/index.html", contains:
            #"<meta http-equiv="refresh" content="0; url=../../hubs/venn/index.html">"#,
            #"<link rel="canonical" href="../../hubs/venn/index.html">"#,
            #"This page has moved to <a href="../../hubs/venn/index.html">Venn Maths Hub</a>."#,
            #"<meta name="robots" content="noindex">"#)
        XCTAssertEqual(try site.read("hubs/venn-essex/key-dates.ics"), try site.read("hubs/venn/key-dates.ics"),
                       "subscriptions to the old address go on working")
        try site.assertFile("access.html", contains: #"url=accessibility/index.html"#)
        XCTAssertFalse(try site.read("hubs/index.html").contains("venn-essex"), "the finder lists the hub once, at its address")
    }

    func testAPageOrCalendarThatTheSiteBeingReplacedHasIsNamedWhenGone() throws {
        let site = try vennSite()
        try site.build()
        try site.write(Self.venn.replacingOccurrences(of: "aliases:\n  - /hubs/venn-essex/\n", with: ""), to: "content/hubs/venn.md")
        try FileManager.default.moveItem(at: site.folder.appendingPathComponent("content/hubs/venn.md"),
                                         to: site.folder.appendingPathComponent("content/hubs/venn-maths-hub.md"))
        try FileManager.default.moveItem(at: site.folder.appendingPathComponent("content/hubs/venn"),
                                         to: site.folder.appendingPathComponent("content/hubs/venn-maths-hub"))
        let warnings = try site.build().warnings.filter { $0.location.file.hasPrefix(site.output.path) }
        XCTAssertEqual(warnings.map { "\($0.location.file.dropFirst(site.output.path.count)): \($0.message)" }, [
            "/hubs/venn-essex/index.html: the page /hubs/venn-essex/ is published now and this build leaves it out: links and bookmarks to it will break",
            "/hubs/venn-essex/key-dates.ics: the calendar /hubs/venn-essex/key-dates.ics is published now and this build leaves it out: readers subscribed to it stop getting dates",
            "/hubs/venn/index.html: the page /hubs/venn/ is published now and this build leaves it out: links and bookmarks to it will break",
            "/hubs/venn/key-dates.ics: the calendar /hubs/venn/key-dates.ics is published now and this build leaves it out: readers subscribed to it stop getting dates",
        ])
        XCTAssertTrue(warnings[2].fix.contains("\"  - /hubs/venn/\""), warnings[2].fix)
        // --strict: a gone page fails the build, and the site stays as it was.
        let renamed = site.folder.appendingPathComponent("content/hubs/venn-hub.md")
        try FileManager.default.moveItem(at: site.folder.appendingPathComponent("content/hubs/venn-maths-hub.md"), to: renamed)
        try FileManager.default.moveItem(at: site.folder.appendingPathComponent("content/hubs/venn-maths-hub"),
                                         to: site.folder.appendingPathComponent("content/hubs/venn-hub"))
        let strict = SiteBuilder(source: site.folder, settings: BuildSettings(strict: true))
        do {
            try strict.build(into: site.output)
            XCTFail("strict: a gone page fails the build")
        } catch {
            XCTAssertEqual(error.diagnostics.map { URL(fileURLWithPath: $0.location.file).lastPathComponent }, ["index.html", "key-dates.ics"])
        }
        XCTAssertTrue(site.exists("hubs/venn-maths-hub/index.html"), "a failed build leaves the site as it was")
        // With the old address as an alias, nothing is gone and nothing is said.
        try site.write(Self.venn.replacingOccurrences(of: "/hubs/venn-essex/", with: "/hubs/venn-maths-hub/"), to: "content/hubs/venn-hub.md")
        XCTAssertTrue(try strict.build(into: site.output).warnings.isEmpty)
    }

    // MARK: - Bad input

    private func problems(_ frontMatter: String, files: [String: Int] = [:]) throws -> [String] {
        let site = try TestSite(["content/hubs/bad.md": "---\n\(frontMatter)\n---\n"])
        for (name, size) in files { try site.write(Data(count: size), to: "content/hubs/bad/\(name)") }
        do {
            return try site.builder.render().warnings.filter { $0.location.file == "content/hubs/bad.md" }
                .map { "\($0.location): warning: \($0.message)" }
        } catch {
            return error.diagnostics.filter { $0.location.file == "content/hubs/bad.md" }
                .map { "\($0.location): \($0.severity == .error ? "error" : "warning"): \($0.message)" + ($0.fix.isEmpty ? "" : " [\($0.fix)]") }
        }
    }

    func testContactsThatCannotBeReached() throws {
        XCTAssertEqual(try problems("name: A Hub\nregion: London\ncontacts:\n  - name: Jo\n    phone: ask at reception\n  - name: Sam\n  - Lead\n"), [
            "content/hubs/bad.md:6:12: error: \"ask at reception\" is not a UK phone number [write the number as it is dialled in the UK, e.g. \"01234 567890\" or \"+44 1234 567890\"; one number per contact]",
            "content/hubs/bad.md:7:5: warning: this contact has no email address or phone number: readers cannot reach them [add \"email: …\" or \"phone: …\", or remove the contact]",
            "content/hubs/bad.md:8:5: error: each contact needs \"name:\", \"email:\" or \"phone:\" lines [write it as \"- name: Jo Smith\" with \"email: …\" and \"phone: …\" indented under it]",
        ])
        XCTAssertEqual(try problems("name: A Hub\nregion: London\ncontact:\n  email: a@b.org\ncontacts:\n  - email: c@d.org\n").first,
                       "content/hubs/bad.md:4:1: error: \"contact\" and \"contacts\" are both written: readers would see only one list [move this contact under \"contacts:\" as one more \"- name: …\" item]")
        for bad in ["01234 5678", "+1 202 555 0100", "0044", "01234 567890 or 01234 567891", "00 1234 567890"] { XCTAssertNil(PhoneNumber(bad), bad) }
        XCTAssertEqual(PhoneNumber("0044 1234 567890")?.telURL, "tel:+441234567890")
        XCTAssertEqual(PhoneNumber("(01234) 567-890")?.telURL, "tel:+441234567890")
    }

    func testDocumentsThatAreNotThere() throws {
        XCTAssertEqual(try problems("name: A Hub\nregion: London\ndocuments:\n  - title: Form\n    file: form.pfd\n  - title: Sheet\n  - title: Both\n    file: form.pdf\n    url: https://a.org/f.pdf\n  - title: Escape\n    file: ../../site.yml",
                                    files: ["form.pdf": 10]), [
            "content/hubs/bad.md:6:11: error: there is no file \"form.pfd\" in content/hubs/bad/ [did you mean \"form.pdf\"?]",
            "content/hubs/bad.md:7:5: error: this document has neither \"file:\" nor \"url:\" [give it one: \"file: NAME.pdf\" for a file in content/hubs/bad/, or \"url: https://…\" for one on another site]",
            "content/hubs/bad.md:8:5: error: this document has both \"file:\" and \"url:\" [give it one: \"file: NAME.pdf\" for a file in content/hubs/bad/, or \"url: https://…\" for one on another site]",
            "content/hubs/bad.md:12:11: error: there is no file \"../../site.yml\" in content/hubs/bad/ [put the file in the folder content/hubs/bad/ (beside bad.md, in a folder of the hub's name) and write its name here]",
        ])
        XCTAssertEqual(DocumentKind.size(1000), "1000 bytes")
        XCTAssertEqual(DocumentKind.size(245_760), "240 KB")
        XCTAssertEqual(DocumentKind.size(1_300_000), "1.2 MB")
        XCTAssertNil(DocumentKind.of("https://www.example.org/apply"))
        XCTAssertEqual(DocumentKind.of("https://www.example.org/Form.PDF?v=2"), "PDF")
    }

    func testAHubWindowOutsideTheProgrammesIsAWarningAndBackwardsAnError() throws {
        XCTAssertEqual(try problems("name: A Hub\nregion: London\napplications_open: 1 December 2025\napplications_close: 5pm on 30 April 2026"), [
            "content/hubs/bad.md:4:20: warning: the hub's applications open (1 December 2025) before the programme's (16 December 2025, in site.yml)",
            "content/hubs/bad.md:5:21: warning: the hub's deadline (5pm on 30 April 2026) is after the programme's (23 April 2026, in site.yml)",
        ])
        XCTAssertEqual(try problems("name: A Hub\nregion: London\napplications_open: 5 January 2026\napplications_close: 4 January 2026"), [
            "content/hubs/bad.md:5:21: error: the hub's applications close (4 January 2026) before they open (5 January 2026) [check both dates: the window must open before it closes]",
        ])
        XCTAssertEqual(try problems("name: A Hub\nregion: London\napplications_close: 5pm on Thursday 13 March 2026"), [
            "content/hubs/bad.md:4:21: error: wrong weekday in \"5pm on Thursday 13 March 2026\": 13 March 2026 is a Friday, not a Thursday [correct the weekday, or leave it out]",
        ])
    }

    func testDatesInEveryTextAReaderSeesAreChecked() throws {
        XCTAssertEqual(try problems("""
            name: A Hub
            region: London
            areas:
              - Camden (from 31 February 2026)
            events:
              - date: 14 March 2026
                title: Open morning, Thursday 14 March 2026
                place: "Hall, 03/14/2026"
            """), [
            "content/hubs/bad.md:5:18: error: impossible date \"31 February 2026\": February 2026 has 28 days [check the day and the month]",
            "content/hubs/bad.md:8:26: error: wrong weekday in \"Thursday 14 March 2026\": 14 March 2026 is a Saturday, not a Thursday [correct the weekday, or leave it out]",
            "content/hubs/bad.md:9:19: warning: the date \"03/14/2026\" is not written the UK way, so it is not checked [write it as day, month and year, e.g. \"30 April 2026\", and check the numbers: they are no real day]",
        ])
    }

    func testWhatRealHubsTriedThatReadersWouldSeeWrong() throws {
        XCTAssertEqual(try problems("""
            name: A Hub
            region: London
            events:
              - date: 14 January 2026
                title: "[Book here](https://www.eventbrite.example/e/1)"
                place: https://zoom.example/j/1
            """), [
            "content/hubs/bad.md:6:12: warning: the title holds a Markdown link, which readers see as it is written",
            "content/hubs/bad.md:7:12: warning: \"place\" holds a web address, which readers see as text, not a link",
        ])
    }

    func testAliasesThatCannotBe() throws {
        let site = try TestSite([
            "content/hubs/a.md": "---\nname: A Hub\nregion: London\naliases:\n  - https://old.example/a/\n  - /hubs/../x/\n  - /hubs/a/\n  - /accessibility/\n---\n",
        ])
        XCTAssertEqual(site.buildErrors(), [
            "content/hubs/a.md:5:5: an alias must be an old address of this page from the site's root, found \"https://old.example/a/\"",
            "content/hubs/a.md:6:5: an alias must be an old address of this page from the site's root, found \"/hubs/../x/\"",
            "content/hubs/a.md:7:5: \"/hubs/a/\" is this page's own address",
            "content/hubs/a.md:8:5: the alias \"/accessibility/\" is the address of content/accessibility.md",
        ])
    }
}
