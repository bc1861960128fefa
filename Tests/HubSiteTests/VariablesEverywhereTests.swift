import XCTest
@testable import HubSite

/// `{{cohort.…}}` and `{{site.…}}` are replaced wherever readers see text or follow a link, and an
/// unknown one is an error at its place with the nearest name; inside code they stay as written.
final class VariablesEverywhereTests: XCTestCase {
    func testLinkAddressesTitlesReferencesAndAltText() throws {
        let site = try TestSite(["content/x.md": """
            ---
            title: X
            ---

            [Sheet](/?cohort={{cohort.number}} "Cohort {{cohort.number}}") and ![Cohort {{cohort.number}} map](map.png "{{cohort.year1}}").

            A [reference][ref] link, and `{{cohort.number}}` in code.

            [ref]: /accessibility/?year={{cohort.year1}} "Applications close {{cohort.applications_close}}"

            """, "content/x/map.png": "png"])
        try site.build()
        try site.assertFile("x/index.html", contains:
            #"<a href="../index.html?cohort=11" title="Cohort 11">Sheet</a>"#,
            #"<img src="map.png" alt="Cohort 11 map" title="2026/27" />"#,
            #"<a href="../accessibility/index.html?year=2026/27" title="Applications close 23 April 2026">reference</a>"#,
            "<code>{{cohort.number}}</code>")
    }

    func testAnUnknownVariableInALinkIsOneErrorAtTheLink() throws {
        let site = try TestSite(["content/x.md": "---\ntitle: X\n---\n\nSee [it](/{{cohort.nmber}}/ \"{{cohort.yr1}}\") and ![{{cohort.numbr}}](/hubs/ \"decorative\").\n"])
        // The address is not also reported as a broken link: one mistake, one error.
        XCTAssertEqual(site.failure()?.errors.map { "\($0.location): \($0.message) [\($0.fix)]" }, [
            "content/x.md:5:5: unknown variable \"{{cohort.nmber}}\" in the link's address [did you mean \"cohort.number\"?]",
            "content/x.md:5:5: unknown variable \"{{cohort.yr1}}\" in the link's title [did you mean \"cohort.year1\"?]",
            "content/x.md:5:53: unknown variable \"{{cohort.numbr}}\" [did you mean \"cohort.number\"?]",
        ])
    }

    func testHubNameAreasEventsAndContactRole() throws {
        let site = try TestSite.real(["content/hubs/wm.md": """
            ---
            name: "Cohort {{cohort.number}} Hub"
            region: West Midlands
            areas:
              - Birmingham ({{cohort.year1}})
            contact:
              role: Lead for {{site.title}}
              email: lead@example.org
            events:
              - date: 14 January 2026
                title: Information session for cohort {{cohort.number}}
                place: Room {{cohort.number}}
            ---

            """])
        try site.build()
        try site.assertFile("hubs/wm/index.html", contains: "Cohort 11 Hub", "Birmingham (2026/27)", "Lead for Test Programme",
                            "Information session for cohort 11", "Room 11")
        try site.assertFile("hubs/wm/index.html", lacks: "{{")
        try site.assertFile("hubs/wm/key-dates.ics", contains: "SUMMARY:Information session for cohort 11")
    }

    func testUnknownVariablesInAHubAreErrorsAtTheirColumn() throws {
        let site = try TestSite(["content/hubs/wm.md": "---\nname: Cohort {{cohort.nuber}} Hub\nregion: West Midlands\nareas:\n  - \"A {{site.titel}}\"\nevents:\n  - date: 14 January 2026\n    title: Session {{cohort.yaer1}}\n---\n"])
        XCTAssertEqual(site.failure()?.errors.map { "\($0.location): \($0.message) [\($0.fix)]" }, [
            "content/hubs/wm.md:2:14: unknown variable \"{{cohort.nuber}}\" [did you mean \"cohort.number\"?]",
            "content/hubs/wm.md:5:8: unknown variable \"{{site.titel}}\" [did you mean \"site.title\"?]",
            "content/hubs/wm.md:8:20: unknown variable \"{{cohort.yaer1}}\" [did you mean \"cohort.year1\"?]",
        ])
    }

    func testSiteTitleAndPublisherMayNameTheCohort() throws {
        let yml = TestSite.siteYML.replacingOccurrences(of: "title: Test Programme", with: "title: Cohort {{cohort.number}} Programme\npublisher: \"{{site.title}} team, {{cohort.year1}}\"")
        let site = try TestSite.real(["site.yml": yml, "content/x.md": "---\ntitle: X\n---\n\nBy {{site.publisher}}.\n"])
        try site.build()
        try site.assertFile("x/index.html", contains: "<title>X – Cohort 11 Programme</title>", "By Cohort 11 Programme team, 2026/27.")
        try site.assertFile("x/index.html", lacks: "{{")
    }

    func testAnUnknownVariableInSiteYMLIsAnErrorAtItsColumn() throws {
        let yml = TestSite.siteYML.replacingOccurrences(of: "title: Test Programme", with: "title: Cohort {{cohort.nmber}}\npublisher: '{{site.titl}}'")
        let site = try TestSite(["site.yml": yml])
        XCTAssertEqual(site.failure()?.errors.map { "\($0.location): \($0.message) [\($0.fix)]" }, [
            "site.yml:1:15: unknown variable \"{{cohort.nmber}}\" [did you mean \"cohort.number\"?]",
            "site.yml:2:13: unknown variable \"{{site.titl}}\" [did you mean \"site.title\"?]",
        ])
    }
}
