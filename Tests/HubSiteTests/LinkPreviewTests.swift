import XCTest
@testable import HubSite

/// What a link shared by email or on social media shows: Open Graph and Twitter card meta on
/// every page, absolute address and image only where the site's address is known.
final class LinkPreviewTests: XCTestCase {
    private let hub = "---\nname: Solent Maths Hub\nregion: South East\nareas:\n  - Portsmouth\n  - Isle of Wight\n  - Southampton\n---\n"

    func testEveryPageHasTitleDescriptionSiteNameAndTypeAndAFavicon() throws {
        let site = try TestSite.real(["content/hubs/solent.md": hub])
        try site.build()
        for page in ["index.html", "hubs/index.html", "hubs/solent/index.html", "404.html"] {
            try site.assertFile(page, contains: #"<meta property="og:type" content="website">"#,
                                #"<meta property="og:site_name" content="Test Programme">"#, #"<meta property="og:locale" content="en_GB">"#,
                                #"<meta name="twitter:card" content="summary">"#, #"favicon.svg" type="image/svg+xml">"#)
            try site.assertFile(page, lacks: "og:image", "og:url", "summary_large_image")
        }
        try site.assertFile("hubs/solent/index.html", contains: #"<meta property="og:title" content="Solent Maths Hub">"#,
                            #"<meta property="og:description" content="How teachers in Portsmouth, Isle of Wight and Southampton apply through Solent Maths Hub for cohort 11 of the Test Programme.">"#,
                            #"<link rel="icon" href="../../favicon.svg" type="image/svg+xml">"#)
        XCTAssertTrue(site.exists("favicon.svg") && site.exists("share.png"))
        // A page without a description of its own gets none, wherever it was made: not the sheet's.
        try site.assertFile("index.html", contains: #"<meta name="description" content="A test sheet.">"#)
        for page in ["accessibility/index.html", "404.html"] { try site.assertFile(page, lacks: "A test sheet.") }
    }

    func testWithBaseURLPreviewsGetTheAbsoluteAddressAndTheShareImage() throws {
        let site = try TestSite.real(["site.yml": TestSite.siteYML + "base_url: https://example.org/mastery/\n", "content/hubs/solent.md": hub])
        try site.build()
        try site.assertFile("hubs/solent/index.html", contains:
            #"<meta property="og:url" content="https://example.org/mastery/hubs/solent/">"#,
            #"<meta property="og:image" content="https://example.org/mastery/share.png">"#,
            #"<meta property="og:image:width" content="1200">"#, #"<meta name="twitter:card" content="summary_large_image">"#)
        try site.assertFile("404.html", lacks: "og:url")
    }

    func testBuildBaseURLOverridesSiteYMLForAPreviewDeployment() throws {
        let site = try TestSite.real(["site.yml": TestSite.siteYML + "base_url: https://example.org/mastery/\n"])
        let result = try HubsiteBinary.run(["build", "--base-url", "https://preview-42.example.net/pr/42"], in: site.folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        try site.assertFile("index.html", contains: #"<link rel="canonical" href="https://preview-42.example.net/pr/42/">"#)
        try site.assertFile("sitemap.xml", contains: "<loc>https://preview-42.example.net/pr/42/hubs/</loc>")
        try site.assertFile("index.html", lacks: "https://example.org/mastery/")

        let bad = try HubsiteBinary.run(["build", "--base-url", "preview.example.net"], in: site.folder)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.hasPrefix("--base-url:1:1: error: --base-url must be an absolute http(s) address, found \"preview.example.net\"\n"), bad.stderr)
    }
}
