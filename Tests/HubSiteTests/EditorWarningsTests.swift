import XCTest
@testable import HubSite

/// Nothing an editor writes disappears or changes silently: each case is a warning at its
/// line and column, saying what happened and what to write instead.
final class EditorWarningsTests: XCTestCase {
    private func warnings(_ body: String) throws -> [String] {
        let site = try TestSite(["content/x.md": "---\ntitle: X\n---\n\n" + body])
        return try site.build().warnings.filter { $0.location.file == "content/x.md" }.map { "\($0.location): \($0.message) [\($0.fix)]" }
    }

    func testRawHTMLThatIsLeftOutIsAWarning() throws {
        XCTAssertEqual(try warnings("<div>Hello</div>\n\nText with <b>bold</b> and <!-- a note -->.\n"), [
            "content/x.md:5:1: raw HTML \"<div>Hello</div>\" is left out of the page (cmark writes <!-- raw HTML omitted --> instead) "
                + "[write it in Markdown: **bold**, [a link](https://…), a list, a blank line between paragraphs; raw HTML is kept only with \"unsafe_html: true\" in site.yml]",
            "content/x.md:7:11: raw HTML \"<b>\" is left out of the page (cmark writes <!-- raw HTML omitted --> instead) "
                + "[write it in Markdown: **bold**, [a link](https://…), a list, a blank line between paragraphs; raw HTML is kept only with \"unsafe_html: true\" in site.yml]",
        ])
        let unsafe = try TestSite(["site.yml": TestSite.siteYML + "unsafe_html: true\n", "content/x.md": "---\ntitle: X\n---\n\n<div>Hello</div>\n"])
        XCTAssertEqual(try unsafe.build().warnings.filter { $0.location.file == "content/x.md" }, [], "kept as written: nothing to say")
    }

    func testAPipeTableIsAWarningSayingHowToWriteIt() throws {
        XCTAssertEqual(try warnings("| Essential | Desirable |\n|---|---|\n| QTS | A |\n\n| only one bar\n"), [
            "content/x.md:5:1: this looks like a table, but Markdown here has no tables: readers see the \"|\" characters as text "
                + "[write a list instead (a line per item, each starting with \"- \"); for the criteria, use the \"### Essential\" and \"### Desirable\" lists (see docs/EDITING.md: the criteria table)]",
        ])
    }

    func testADroppedUnsafeLinkIsAWarning() throws {
        XCTAssertEqual(try warnings("[Apply](javascript:alert(1))\n"), [
            "content/x.md:5:1: the address \"javascript:alert(1)\" is left out of the page: javascript: addresses can run code, so links to them are removed "
                + "[link to a web page (https://…) or to a page of the site (/accessibility/)]",
        ])
    }

    func testDatesWrittenAnotherWayGetTheUKFormToWrite() throws {
        let found = try warnings("By April 30, 2026, 30/04/2026, 30.04.2026 or 15 Dec. 2026; not 31/02/2026; version 1.2.30.04.2026; `30/04/2026` in code.\n")
        XCTAssertEqual(found, [
            "content/x.md:5:4: the date \"April 30, 2026\" is not written the UK way, so it is not marked as a date or checked [write it as \"30 April 2026\"]",
            "content/x.md:5:20: the date \"30/04/2026\" is not written the UK way, so it is not marked as a date or checked [write it as \"30 April 2026\"]",
            "content/x.md:5:32: the date \"30.04.2026\" is not written the UK way, so it is not marked as a date or checked [write it as \"30 April 2026\"]",
            "content/x.md:5:46: the date \"15 Dec. 2026\" is not written the UK way, so it is not marked as a date or checked [write it as \"15 December 2026\"]",
            "content/x.md:5:64: the date \"31/02/2026\" is not written the UK way, so it is not marked as a date or checked "
                + "[write it as day, month and year, e.g. \"30 April 2026\", and check the numbers: they are no real day]",
            "content/x.md:5:94: the year 2026 is written out [write {{cohort.start_year}} so that new-cohort moves it on]",
        ])
    }

    func testEmptyHeadingsAndImagesWithoutAltTextAreWarnings() throws {
        let site = try TestSite([
            "content/x.md": "---\ntitle: X\n---\n\n## Map\n\n![](map.png) ![](border.png \"decorative\") ![The hub's area](area.png)\n\n###\n",
            "content/x/map.png": "png", "content/x/border.png": "png", "content/x/area.png": "png",
        ])
        XCTAssertEqual(try site.build().warnings.map { "\($0.location): \($0.message)" }, [
            "content/x.md:7:1: the image \"map.png\" has no alt text: screen readers skip it",
            "content/x.md:9:1: this heading is empty: a screen reader announces a heading with nothing in it",
        ])
    }

    func testHubWebsiteOverHTTPAndAreasOnOneLineAreWarnings() throws {
        let site = try TestSite.real(["content/hubs/wm.md": "---\nname: West Midlands Maths Hub\nregion: West Midlands\nwebsite: http://www.example.org/wm/hub\nareas: Birmingham - Solihull - Sandwell\n---\n"])
        let result = try site.build()
        XCTAssertEqual(result.warnings.filter { $0.location.file.hasPrefix("content/hubs") }.map { "\($0.location): \($0.message) [\($0.fix)]" }, [
            "content/hubs/wm.md:4:10: the website \"http://www.example.org/wm/hub\" starts with http://: browsers warn readers that it is not secure "
                + "[write \"https://www.example.org/wm/hub\" if the site opens that way (most do)]",
            "content/hubs/wm.md:5:8: \"areas\" is one line, so the page shows one area: \"Birmingham - Solihull - Sandwell\" "
                + "[write each area on a line of its own under \"areas:\", starting with \"  - \"]",
        ])
        // The page shows the path a reader needs, not only the host.
        try site.assertFile("hubs/wm/index.html", contains: ">www.example.org/wm/hub<span")
    }

    func testABrokenLinkHintIsInTheFormTheAuthorWrote() throws {
        let site = try TestSite(["content/hubs/central.md": "---\nname: Central Maths Hub\nregion: West Midlands\n---\n",
                                 "content/x.md": "---\ntitle: X\n---\n\nSee [central](/hubs/centrl/).\n"])
        XCTAssertEqual(site.failure()?.errors.map(\.fix), ["did you mean /hubs/central/?"])
    }
}
