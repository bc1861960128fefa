import Foundation
import NIOCore
import XCTest
@testable import HubSite
@testable import HubSitePreview

/// Input that once crashed hubsite (a stack overflow, an arithmetic trap) is an error at its
/// place instead, in `build`, in `serve` and in `new-cohort`.
final class CrashProofTests: XCTestCase {
    func testAPartialThatIncludesItselfIsAnErrorNamingTheInclude() throws {
        let site = try TestSite(["templates/partials/footer.mustache": "<footer>\n{{> partials/footer}}\n</footer>\n"])
        XCTAssertEqual(site.buildErrors(), [
            #"templates/partials/footer.mustache:2:1: the template "partials/footer" includes itself: templates/partials/footer.mustache:2 includes "partials/footer""#,
        ])
    }

    func testPartialsThatIncludeEachOtherAreOneErrorNamingTheChain() throws {
        let site = try TestSite([
            "templates/partials/footer.mustache": "<footer>{{> partials/links}}</footer>\n",
            "templates/partials/links.mustache": "<ul>\n<li>{{#site}}{{> partials/footer}}{{/site}}</li>\n</ul>\n",
        ])
        XCTAssertEqual(site.buildErrors(), [
            #"templates/partials/footer.mustache:1:9: the template "partials/footer" includes itself through others: "#
                + #"templates/partials/footer.mustache:1 includes "partials/links", then templates/partials/links.mustache:2 includes "partials/footer""#,
        ])
    }

    func testServeKeepsTheLastGoodSiteWhenAPartialIncludesItself() throws {
        let site = try TestSite()
        let preview = PreviewSite(source: site.folder)
        guard case .success = preview.rebuild() else { return XCTFail("the first build works") }
        let before = try XCTUnwrap(preview.file(at: "index.html")).contents
        try site.write("{{> partials/footer}}\n", to: "templates/partials/footer.mustache")
        guard case .failure(let failure) = preview.rebuild() else { return XCTFail("the loop is an error") }
        XCTAssertTrue(failure.errors.map(\.message).contains { $0.contains("includes itself") }, "\(failure)")
        let after = String(buffer: try XCTUnwrap(preview.file(at: "index.html")).contents)
        XCTAssertTrue(after.contains("Cohort 11 information sheet"), "the last good site is still served")
        XCTAssertTrue(after.contains("includes itself"), "with the error over it")
        XCTAssertNotEqual(String(buffer: before), after)
    }

    func testThousandsOfNestedSectionsAreAnErrorNotAStackOverflow() throws {
        let nested = String(repeating: "{{#site}}", count: 3000) + "x" + String(repeating: "{{/site}}", count: 3000)
        let site = try TestSite(["templates/partials/footer.mustache": "<footer>\n" + nested + "\n</footer>\n"])
        XCTAssertEqual(site.buildErrors(), ["templates/partials/footer.mustache:2:901: sections are nested more than 100 deep here"])
    }

    func testChangedDelimitersAreRefusedSinceTheyHideWhatIsChecked() throws {
        let site = try TestSite(["templates/partials/footer.mustache": "{{=<% %>=}}\n<%> partials/footer%>\n"])
        XCTAssertEqual(site.buildErrors(), [
            "templates/partials/footer.mustache:1:1: hubsite templates keep the {{ }} delimiters: a {{=… …=}} tag hides the partials and sections it checks",
        ])
    }

    func testOnlyPageTemplatesMayBeNamedByAPage() throws {
        let site = try TestSite.real([
            "content/a.md": "---\ntitle: A\ntemplate: partials/header\n---\n\nText.\n",
            "content/b.md": "---\ntitle: B\ntemplate: 404\n---\n\nText.\n",
            "content/c.md": "---\ntitle: C\ntemplate: base\n---\n\nText.\n",
        ])
        let failure = try XCTUnwrap(site.failure())
        XCTAssertEqual(failure.errors.map { "\($0.location): \($0.message) | \($0.fix)" }, [
            #"content/a.md:3:11: "partials/header" is a partial or layout, not a page template | name one of the page templates: hub, hubs, page, sheet"#,
            #"content/b.md:3:11: "404" is a partial or layout, not a page template | name one of the page templates: hub, hubs, page, sheet"#,
            #"content/c.md:3:11: "base" is a partial or layout, not a page template | name one of the page templates: hub, hubs, page, sheet"#,
        ])
    }

    func testCohortNumbersTooLargeForTheComputerAreErrorsAtTheirLine() throws {
        for number in ["9223372036854775807", "99999999999999999999999", "1001", "0", "-3"] {
            let site = try TestSite(["site.yml": TestSite.siteYML.replacingOccurrences(of: "number: 11", with: "number: \(number)")])
            XCTAssertEqual(site.buildErrors(), [#"site.yml:4:11: "number" must be from 1 to 1000, found \#(number)"#], number)
            let rollover = try HubsiteBinary.run(["new-cohort", "--dry-run", "--today", "2026-05-01"], in: site.folder)
            XCTAssertEqual(rollover.status, 1, number)
            XCTAssertTrue(rollover.stderr.hasPrefix(#"site.yml:4:11: error: "number" must be from 1 to 1000, found \#(number)"#), rollover.stderr)
        }
        let words = try TestSite(["site.yml": TestSite.siteYML.replacingOccurrences(of: "number: 11", with: "number: eleven")])
        XCTAssertEqual(words.buildErrors(), [#"site.yml:4:11: "number" must be a whole number, found "eleven""#])
    }
}
