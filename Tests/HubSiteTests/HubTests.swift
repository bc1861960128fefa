import XCTest
@testable import HubSite

/// Hub pages and the hub finder, from a fixture of several hubs in several regions.
final class HubTests: XCTestCase {
    static let hubs: [String: String?] = [
        "content/hubs/solent.md": """
            ---
            name: Solent Maths Hub
            region: South East
            areas:
              - Portsmouth
              - Isle of Wight
            ---

            Local details: we meet in [the sheet's](/#how-to-apply) spirit.

            """,
        "content/hubs/jurassic.md": """
            ---
            name: Jurassic Maths Hub
            region: South West
            website: https://jurassicmaths.com/
            contact:
              role: Secondary lead
              email: secondary@jurassicmaths.example
            apply_url: https://jurassicmaths.com/apply
            events:
              - date: 14 January 2026
                title: Information session
                time: 16:00 to 17:00
                place: Online
              - date: 3 December 2025
                title: Taster <b>day</b>
            ---

            """,
        "content/hubs/great-north.md": "---\nname: Great North Maths Hub\nregion: North East\n---\n",
    ]

    func testFinderGroupsHubsByRegionInGeographicOrderWithCounts() throws {
        let site = try TestSite.real(Self.hubs)
        try site.build()
        let html = try site.read("hubs/index.html")
        let order = ["North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands",
                     "East of England", "London", "South East", "South West"].map { html.range(of: ">\($0) <span")?.lowerBound }
        XCTAssertFalse(order.contains(nil), "every region has a heading")
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted())
        try site.assertFile("hubs/index.html", contains:
            "3 Maths Hubs in 3 regions.",
            #"<h2 id="north-east-heading">North East <span class="region__count">(1 hub)</span></h2>"#,
            #"<h2 id="london-heading">London <span class="region__count">(0 hubs)</span></h2>"#,
            #"<li class="hub-list__item" data-search="solent maths hub | portsmouth | isle of wight"><a href="../hubs/solent/index.html">Solent Maths Hub</a><span class="hub-list__areas">Portsmouth, Isle of Wight</span></li>"#,
            #"<div class="hub-search" hidden>"#,
            #"<a href="../index.html">Information sheet</a>"#)
    }

    func testHubPageShowsOnlyTheFactsGiven() throws {
        let site = try TestSite.real(Self.hubs)
        try site.build()
        try site.assertFile("hubs/solent/index.html", contains:
            "<h1>Solent Maths Hub</h1>", "<li>Portsmouth</li><li>Isle of Wight</li>",
            #"<a href="../../hubs/index.html">Maths Hubs</a>"#, #"<a href="../../index.html">Information sheet</a>"#,
            #"<a href="../../index.html#how-to-apply">how to apply</a>"#,
            #"<a href="../../index.html#how-to-apply">the sheet's</a>"#,
            #"<time datetime="2025-12-16">Tuesday 16 December 2025</time>"#, #"<a href="key-dates.ics">"#)
        try site.assertFile("hubs/solent/index.html", lacks: "<dt>Website</dt>", "<dt>Contact</dt>", "mailto:")
        try site.assertFile("hubs/great-north/index.html", lacks: "<dt>Areas served</dt>")
    }

    func testHubPageWithWebsiteContactApplyURLAndEventsInDateOrder() throws {
        let site = try TestSite.real(Self.hubs)
        try site.build()
        let html = try site.read("hubs/jurassic/index.html")
        try site.assertFile("hubs/jurassic/index.html", contains:
            #"<a href="https://jurassicmaths.com/" rel="external">jurassicmaths.com<span class="visually-hidden"> (external website)</span></a>"#,
            #"<li>Secondary lead <a class="contacts__way" href="mailto:secondary@jurassicmaths.example">secondary@jurassicmaths.example</a></li>"#,
            #"<a href="https://jurassicmaths.com/apply" rel="external">"#,
            "<dt>Taster &lt;b&gt;day&lt;/b&gt;</dt>",
            #"<time datetime="2026-01-14">Wednesday 14 January 2026</time>, 16:00 to 17:00<br>Online"#)
        // Every date in one date order, the past event (3 December 2025) too: only the reader's clock calls it past.
        let datesSection = try XCTUnwrap(html.range(of: #"<h2 id="hub-dates">"#)).upperBound
        let past = try XCTUnwrap(html.range(of: #"<div class="key-dates__past" hidden>"#)).lowerBound
        let dates = try ["2025-12-03", "2025-12-16", "2026-01-14", "2026-04-23"].map {
            try XCTUnwrap(html.range(of: "datetime=\"\($0)\"", range: datesSection..<html.endIndex)).lowerBound
        }
        XCTAssertEqual(dates, dates.sorted(), "programme dates and hub events in one date order")
        XCTAssertTrue(dates.allSatisfy { $0 < past })
        let ics = try site.read("hubs/jurassic/key-dates.ics")
        XCTAssertEqual(ics.components(separatedBy: "BEGIN:VEVENT").count - 1, 4)
        XCTAssertTrue(ics.contains("UID:hub-jurassic-20260114@test-programme.hubsite\r\n"))
        XCTAssertTrue(ics.contains("DTSTART;TZID=Europe/London:20260114T160000\r\nDTEND;TZID=Europe/London:20260114T170000\r\n"))
        XCTAssertTrue(ics.contains("LOCATION:Online\r\n"))
    }

    func testSheetAndSitemapReachEveryHub() throws {
        var files = Self.hubs
        files["site.yml"] = TestSite.siteYML + "base_url: https://example.org/\n"
        let site = try TestSite.real(files)
        try site.build()
        try site.assertFile("sitemap.xml", contains: "<loc>https://example.org/hubs/</loc>", "<loc>https://example.org/hubs/solent/</loc>")
        try site.assertFile("index.html", contains: #"<a href="hubs/index.html">Find your Maths Hub</a>"#)
    }

    func testFinderExistsWithNoHubsAndCanBeIntroducedByContent() throws {
        let site = try TestSite.real(["content/hubs/index.md": "---\ntitle: Maths Hubs near you\n---\n\nAsk us anything.\n"])
        try site.build()
        try site.assertFile("hubs/index.html", contains: "<h1>Maths Hubs near you</h1>", "<p>Ask us anything.</p>", "0 Maths Hubs in 0 regions")
    }

    // MARK: - Bad input

    private func errors(_ frontMatter: String, file: String = "content/hubs/bad.md") throws -> [String] {
        let site = try TestSite([file: "---\n\(frontMatter)\n---\n"])
        return site.failure()?.errors.map { "\($0.location): \($0.message)" + ($0.fix.isEmpty ? "" : " [\($0.fix)]") } ?? []
    }

    func testMissingNameAndRegion() throws {
        XCTAssertEqual(try errors("website: https://a.org/"), [
            "content/hubs/bad.md:2:1: the hub has no \"name\" [add a line \"name: …\" with the hub's name as readers should see it]",
            "content/hubs/bad.md:2:1: the hub has no \"region\" [add a line \"region: …\" with the hub's region, one of England's nine: "
                + "North East, North West, Yorkshire and the Humber, East Midlands, West Midlands, East of England, London, South East, South West]",
        ])
    }

    /// One mistake, one error: a misspelt key is named, not also reported missing with a made-up value.
    func testAMisspeltRequiredKeyIsOneErrorNamingTheKey() throws {
        XCTAssertEqual(try errors("name: West Midlands Maths Hub\nregon: West Midlands"), [
            "content/hubs/bad.md:3:1: unknown key \"regon\" in a hub's front matter [did you mean \"region\"?]",
        ])
    }

    func testCommonShortFormsOfRegionsAreAcceptedAndOthersGetTheNearest() throws {
        for (written, region) in [("West Mids", "West Midlands"), ("east mids", "East Midlands"), ("Yorkshire", "Yorkshire and the Humber"),
                                  ("Yorkshire and Humber", "Yorkshire and the Humber"), ("the North West", "North West")] {
            let site = try TestSite.real(["content/hubs/a.md": "---\nname: A Hub\nregion: \(written)\n---\n"])
            try site.build()
            try site.assertFile("hubs/a/index.html", contains: "<p class=\"caption\">Maths Hub, \(region)</p>")
        }
        XCTAssertEqual(try errors("name: A Hub\nregion: West Midland Counties"), [
            "content/hubs/bad.md:3:9: \"West Midland Counties\" is not one of England's nine regions [did you mean \"West Midlands\"?]",
        ])
    }

    func testRegionNotInTheListSuggestsTheNearest() throws {
        XCTAssertEqual(try errors("name: A Hub\nregion: South-East"), [
            "content/hubs/bad.md:3:9: \"South-East\" is not one of England's nine regions [did you mean \"South East\"?]",
        ])
    }

    func testUnknownKeySuggestsTheNearest() throws {
        XCTAssertEqual(try errors("name: A Hub\nregion: London\nwebiste: https://a.org/"), [
            "content/hubs/bad.md:4:1: unknown key \"webiste\" in a hub's front matter [did you mean \"website\"?]",
        ])
    }

    func testWebsiteAndApplyURLMustBeHTTP() throws {
        XCTAssertEqual(try errors("name: A Hub\nregion: London\nwebsite: javascript:alert(1)\napply_url: a.org/apply"), [
            "content/hubs/bad.md:4:10: \"website\" must be a web address starting with https:// or http://, found \"javascript:alert(1)\" [write the full address, e.g. \"https://www.example.org/\"]",
            "content/hubs/bad.md:5:12: \"apply_url\" must be a web address starting with https:// or http://, found \"a.org/apply\" [write the full address, e.g. \"https://a.org/apply\"]",
        ])
    }

    func testInvalidEmail() throws {
        XCTAssertEqual(try errors("name: A Hub\nregion: London\ncontact:\n  role: Lead\n  email: lead at hub.org"), [
            "content/hubs/bad.md:6:10: \"lead at hub.org\" is not a valid email address [write one address as name@example.org, without spaces or \"mailto:\"; give a second address a contact of its own]",
        ])
        XCTAssertFalse(EmailAddress.isValid("a@b"))
        XCTAssertFalse(EmailAddress.isValid("mailto:a@b.org"))
        XCTAssertFalse(EmailAddress.isValid("a@b.org\"><script>"))
        XCTAssertTrue(EmailAddress.isValid("first.last+maths@hub.example.org"))
    }

    func testImpossibleEventDate() throws {
        XCTAssertEqual(try errors("name: A Hub\nregion: London\nevents:\n  - date: 30 February 2026\n    title: Session"), [
            "content/hubs/bad.md:5:11: impossible date \"30 February 2026\": February 2026 has 28 days [check the day and the month]",
        ])
    }

    func testTwoHubsWithTheSameName() throws {
        let site = try TestSite([
            "content/hubs/a.md": "---\nname: Solent Maths Hub\nregion: South East\n---\n",
            "content/hubs/b.md": "---\nname: solent maths hub\nregion: South East\n---\n",
        ])
        // Either file may be the one just edited: each is pointed at the other's name line.
        XCTAssertEqual(site.buildErrors(), [
            "content/hubs/a.md:2:7: the hub \"Solent Maths Hub\" is also described in content/hubs/b.md:2:7",
            "content/hubs/b.md:2:7: the hub \"solent maths hub\" is also described in content/hubs/a.md:2:7",
        ])
    }

    func testTwoFilesForTheSameSlug() throws {
        let site = try TestSite([
            "content/hubs/a.md": "---\nname: A Hub\nregion: London\n---\n",
            "content/hubs/a/index.md": "---\nname: B Hub\nregion: London\n---\n",
        ])
        XCTAssertEqual(site.buildErrors(), ["content/hubs/a/index.md:1:1: content/hubs/a.md and content/hubs/a/index.md would both be published as hubs/a/"])
    }

    func testSlugMustBeLowerCaseLettersDigitsHyphens() throws {
        XCTAssertEqual(try errors("name: A Hub\nregion: London", file: "content/hubs/Solent_Hub.md"), [
            "content/hubs/Solent_Hub.md:1:1: \"Solent_Hub\" is not a valid page name: page names are lower-case letters, digits and hyphens [rename it, e.g. to \"solent-hub\"]",
        ])
        XCTAssertEqual(try errors("name: A Hub\nregion: London", file: "content/hubs/a..b.md"), [
            "content/hubs/a..b.md:1:1: \"a..b\" is not a valid page name: page names are lower-case letters, digits and hyphens [rename it, e.g. to \"a-b\"]",
        ])
    }

    func testFrontMatterTextIsEscapedEverywhere() throws {
        let site = try TestSite(["content/hubs/x.md": "---\nname: \"<img src=x onerror=alert(1)>\"\nregion: London\nareas:\n  - \"<script>\"\n---\n"])
        try site.build()
        for path in ["hubs/x/index.html", "hubs/index.html"] {
            try site.assertFile(path, lacks: "<img src=x", "<script>")
            try site.assertFile(path, contains: "&lt;img src=x onerror=alert(1)&gt;")
        }
    }
}
