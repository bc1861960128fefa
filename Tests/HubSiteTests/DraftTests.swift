import Foundation
import NIOCore
import XCTest
@testable import HubSite
@testable import HubSitePreview

/// `draft: true`: a page or hub previewed in serve, with a banner, and left out of the published
/// site, the finder and the sitemap.
final class DraftTests: XCTestCase {
    private let files: [String: String?] = [
        "site.yml": TestSite.siteYML + "base_url: https://www.example.org/mastery/\n",
        "content/hubs/solent.md": "---\nname: Solent Maths Hub\nregion: South East\n---\n",
        "content/hubs/wessex.md": "---\nname: Wessex Maths Hub\nregion: South West\ndraft: true\n---\n",
        // Not finished yet: no region. A draft left out is not read further.
        "content/hubs/unsure.md": "---\nname: Unsure Maths Hub\ndraft: true\n---\n",
        "content/funding.md": "---\ntitle: Funding\ndraft: true\n---\n\nNot confirmed yet.\n",
    ]

    func testBuildLeavesDraftsOutAndSaysHowMany() throws {
        let site = try TestSite(files)
        let result = try HubsiteBinary.run(["build"], in: site.folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains(", 3 drafts left out"), result.stdout)
        XCTAssertFalse(site.exists("funding/index.html"))
        XCTAssertFalse(site.exists("hubs/wessex/index.html"))
        XCTAssertFalse(site.exists("hubs/wessex/key-dates.ics"))
        try site.assertFile("hubs/solent/index.html", contains: "Solent Maths Hub")
        XCTAssertFalse(try site.read("hubs/index.html").contains("Wessex"), "the finder never lists a draft")
        XCTAssertFalse(try site.read("sitemap.xml").contains("funding"), "nor the sitemap")
    }

    func testALinkToADraftIsBrokenInTheBuild() throws {
        var files = self.files
        files["content/about.md"] = "---\ntitle: About\n---\n\nSee [funding](/funding/).\n"
        let site = try TestSite(files)
        XCTAssertEqual(site.buildErrors().first { $0.hasPrefix("content/about.md") },
                       #"content/about.md:5:5: broken link "/funding/": funding/index.html does not exist in the site"#)
    }

    func testServeShowsDraftsWithABannerButNeverListsThem() throws {
        var files = self.files
        files["content/hubs/unsure.md"] = nil
        let site = try TestSite(files)
        let preview = PreviewSite(source: site.folder)
        guard case .success = preview.rebuild() else { return XCTFail("the preview builds") }
        let funding = String(buffer: try XCTUnwrap(preview.file(at: "funding/index.html")).contents)
        XCTAssertTrue(funding.contains(#"<p id="hubsite-draft" role="status""#), funding)
        XCTAssertTrue(funding.contains("until you remove <code>draft: true</code> from content/funding.md"), funding)
        XCTAssertTrue(String(buffer: try XCTUnwrap(preview.file(at: "hubs/wessex/index.html")).contents).contains("hubsite-draft"))
        XCTAssertFalse(String(buffer: try XCTUnwrap(preview.file(at: "hubs/solent/index.html")).contents).contains("hubsite-draft"))
        XCTAssertFalse(String(buffer: try XCTUnwrap(preview.file(at: "hubs/index.html")).contents).contains("Wessex"))
        XCTAssertFalse(String(buffer: try XCTUnwrap(preview.file(at: "sitemap.xml")).contents).contains("funding"))
    }
}
