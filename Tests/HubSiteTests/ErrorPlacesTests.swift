import XCTest
@testable import HubSite

/// A failed build leaves no built page to open, so every problem is reported in the file the
/// editor wrote: the Markdown, an HTML file of content/, a template or site.yml.
final class ErrorPlacesTests: XCTestCase {
    func testBrokenLinksInRawHTMLAreReportedInTheMarkdown() throws {
        let site = try TestSite([
            "site.yml": TestSite.siteYML + "unsafe_html: true\n",
            "content/raw.md": "---\ntitle: Raw\n---\n\nSome text.\n\n<div>\n<a href=\"/nowhere/\">x</a>\n</div>\n\nMore <a href=\"missing.html\">inline</a>.\n",
        ])
        let failure = try XCTUnwrap(site.failure())
        XCTAssertEqual(failure.errors.map { "\($0.location): \($0.message) | \($0.fix)" }, [
            #"content/raw.md:8:10: broken link "/nowhere/": a link from the domain's root breaks when the site is published in a sub-folder | write it as a Markdown link, [text](/nowhere/), which hubsite makes relative, or relative to this page"#,
            #"content/raw.md:11:15: broken link "missing.html": raw/missing.html does not exist in the site | correct the address, or add the page it should lead to"#,
        ])
    }

    func testBrokenLinksInAnHTMLFileOfContentAreReportedThere() throws {
        let site = try TestSite(["content/legacy.html": "<!doctype html>\n<title>Old</title>\n<p><a href=\"gone.html\">gone</a></p>\n"])
        XCTAssertEqual(site.buildErrors(), [#"content/legacy.html:3:13: broken link "gone.html": gone.html does not exist in the site"#])
    }

    func testABrokenLinkInATemplateIsReportedOnceAtTheTemplateAsWritten() throws {
        let footer = try String(contentsOf: TestSite.repository.appendingPathComponent("templates/partials/footer.mustache"), encoding: .utf8)
        let broken = footer.replacingOccurrences(of: "</footer>", with: "<a href=\"{{root}}nothing-here.html\">Nothing</a>\n<a href=\"/rooted/\">Rooted</a></footer>")
        let site = try TestSite.real(["templates/partials/footer.mustache": broken])
        let line = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("nothing-here") }! + 1
        let failure = try XCTUnwrap(site.failure())
        XCTAssertEqual(failure.errors.map { "\($0.location): \($0.message) | \($0.fix)" }, [
            #"templates/partials/footer.mustache:\#(line):10: broken link "{{root}}nothing-here.html": nothing-here.html does not exist in the site | correct the address, or add the page it should lead to"#,
            #"templates/partials/footer.mustache:\#(line + 1):10: broken link "/rooted/": a link from the domain's root breaks when the site is published in a sub-folder | start it with {{root}} instead of "/": {{root}}rooted/"#,
            // On 404.html, whose links start at the domain's root, it is only missing.
            #"templates/partials/footer.mustache:\#(line + 1):10: broken link "/rooted/": rooted/index.html does not exist in the site | correct the address, or add the page it should lead to"#,
        ])
    }

    func testAnEmptySiteTitleIsOneErrorInSiteYML() throws {
        let site = try TestSite(["site.yml": TestSite.siteYML.replacingOccurrences(of: "title: Test Programme", with: "title: ''")])
        XCTAssertEqual(site.buildErrors(), ["site.yml:1:8: the site's title is empty: it names every page, and the link home on each page would have no text"])
    }

    func testAnUnknownFrontMatterKeyDoesNotHideTheBrokenLinksOfItsPage() throws {
        let site = try TestSite(["content/x.md": "---\ntitle: X\ncolour: red\n---\n\nSee [the guide](/guide/) and [how to apply](/#how-to-aply).\n"])
        XCTAssertEqual(site.buildErrors(), [
            #"content/x.md:3:1: unknown key "colour" in the front matter"#,
            #"content/x.md:6:5: broken link "/guide/": guide/index.html does not exist in the site"#,
            #"content/x.md:6:30: broken link "/#how-to-aply": index.html has no id "how-to-aply""#,
        ])
    }

    func testAHubThatCannotBeMadeStillHasItsLinksChecked() throws {
        let site = try TestSite(["content/hubs/solent.md": "---\nname: Solent Maths Hub\nregoin: South East\n---\n\nSee [the guide](/guide/).\n"])
        XCTAssertEqual(site.buildErrors(), [
            #"content/hubs/solent.md:3:1: unknown key "regoin" in a hub's front matter"#,
            #"content/hubs/solent.md:6:5: broken link "/guide/": guide/index.html does not exist in the site"#,
        ])
    }
}
