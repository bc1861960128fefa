import XCTest
@testable import HubSite

/// Whole small sites built on disk, checked file by file.
final class SiteBuildTests: XCTestCase {
    func testBuildsExactlyTheExpectedFiles() throws {
        let site = try TestSite.real(["content/accessibility.md": "---\ntitle: Accessibility\n---\n\nText.\n"])
        try site.build()
        XCTAssertEqual(site.outputFiles(), [
            "404.html", "accessibility/index.html", "favicon.svg", "hubs/index.html", "index.html", "key-dates.ics", "robots.txt", "share.png",
            "site.js", "style.css",
        ])
    }

    func testSheetHasCriteriaTableDatesTableOfContentsAndKeyDates() throws {
        let site = try TestSite.real()
        try site.build()
        try site.assertFile("index.html", contains:
            "<title>Cohort 11 information sheet</title>",
            "<h1>Cohort 11 information sheet</h1>",
            #"<caption id="criteria-caption">Essential and desirable criteria for applicants</caption>"#,
            #"<thead><tr><th scope="col">Essential</th><th scope="col">Desirable</th></tr></thead>"#,
            #"<tr><td data-label="Essential">Qualified Teacher Status</td><td data-label="Desirable"></td></tr>"#,
            #"<tr><td data-label="Essential">Two years' experience</td><td data-label="Desirable">Subject leader</td></tr>"#,
            #"Applications open on <time datetime="2025-12-16">16 December 2025</time>."#,
            #"Apply by <strong><time datetime="2026-04-23">23 April 2026</time></strong>."#,
            "<h2 id=\"who-should-apply\">Who should apply? <a class=\"self-link\" href=\"#who-should-apply\"",
            "<li><a href=\"#overview\">Overview</a></li>",
            #"Applications open <time datetime="2025-12-16">16 December 2025</time> and close <time datetime="2026-04-23">23 April 2026</time>."#,
            #""applicationStartDate":"2025-12-16""#, #""applicationDeadline":"2026-04-23""#,
            #"<link rel="stylesheet" href="style.css">"#)
        try site.assertFile("index.html", lacks: "### Essential", "<h3 id=\"essential\"", "{{", "canonical")
    }

    func testPagesLinkRelativelyFromTheirFolder() throws {
        let site = try TestSite.real([
            "content/accessibility.md": "---\ntitle: Accessibility\n---\n\nBack to [the sheet](/) or [how to apply](/#how-to-apply).\n",
            "content/guides/print.md": "---\ntitle: Printing\n---\n\nSee [accessibility](/accessibility/).\n",
        ])
        try site.build()
        try site.assertFile("accessibility/index.html", contains:
            #"<link rel="stylesheet" href="../style.css">"#, #"<a href="../index.html">the sheet</a>"#,
            #"<a href="../index.html#how-to-apply">how to apply</a>"#, #"<span aria-current="page">Accessibility</span>"#)
        try site.assertFile("guides/print/index.html", contains:
            #"href="../../style.css""#, #"<a href="../../accessibility/index.html">accessibility</a>"#)
    }

    func testNotFoundPageWorksAtAnyAddress() throws {
        let site = try TestSite.real()
        try site.build()
        try site.assertFile("404.html", contains: "<style>", "Page not found", #"href="/index.html""#)
        try site.assertFile("404.html", lacks: #"href="style.css""#, "site.js")
        let withBase = try TestSite.real(["site.yml": TestSite.siteYML + "base_url: https://example.org/cpd/mastery\n"])
        try withBase.build()
        try withBase.assertFile("404.html", contains: #"href="https://example.org/cpd/mastery/index.html""#)
    }

    func testSitemapAndCanonicalOnlyWithBaseURL() throws {
        let site = try TestSite.real(["content/accessibility.md": "---\ntitle: A\n---\n"])
        try site.build()
        XCTAssertFalse(site.exists("sitemap.xml"))
        try site.assertFile("robots.txt", lacks: "Sitemap")

        let published = try TestSite.real([
            "site.yml": TestSite.siteYML + "base_url: https://example.org/cpd/mastery/\n",
            "content/accessibility.md": "---\ntitle: A\n---\n",
        ])
        try published.build()
        XCTAssertEqual(try published.read("sitemap.xml"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>https://example.org/cpd/mastery/</loc></url>
              <url><loc>https://example.org/cpd/mastery/accessibility/</loc></url>
              <url><loc>https://example.org/cpd/mastery/hubs/</loc></url>
            </urlset>

            """)
        XCTAssertFalse(published.exists("robots.txt"), "crawlers read only the domain's /robots.txt, never one in a sub-folder")
        try published.assertFile("accessibility/index.html", contains: #"<link rel="canonical" href="https://example.org/cpd/mastery/accessibility/">"#)
    }

    func testRobotsNamesTheSitemapWhenTheSiteIsAtTheDomainsRoot() throws {
        let site = try TestSite(["site.yml": TestSite.siteYML + "base_url: https://mastery.example.org\n"])
        try site.build()
        XCTAssertEqual(try site.read("robots.txt"), "User-agent: *\nAllow: /\n\nSitemap: https://mastery.example.org/sitemap.xml\n")
    }

    func testCalendarHasOneEventPerKeyDateAndNoBuildTime() throws {
        let site = try TestSite()
        try site.build()
        let ics = try site.read("key-dates.ics")
        XCTAssertTrue(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        XCTAssertEqual(ics.components(separatedBy: "BEGIN:VEVENT").count - 1, 2)
        XCTAssertTrue(ics.contains("UID:cohort-11-applications-open@test-programme.hubsite\r\n"))
        XCTAssertTrue(ics.contains("DTSTART;VALUE=DATE:20251216\r\nDTEND;VALUE=DATE:20251217\r\n"))
        XCTAssertTrue(ics.contains("DTSTART;VALUE=DATE:20260423\r\n"))
        XCTAssertFalse(ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "lines end in CRLF only")
    }

    func testSameInputSameBytes() throws {
        let site = try TestSite(["content/a.md": "---\ntitle: A\n---\n", "content/b.md": "---\ntitle: B\n---\n"])
        let first = try site.builder.render().files
        let second = try site.builder.render().files
        XCTAssertEqual(first, second)
        XCTAssertEqual(first.map(\.path), first.map(\.path).sorted())
    }

    func testDeletedPagesDisappearFromOutput() throws {
        let site = try TestSite(["content/old.md": "---\ntitle: Old\n---\n"])
        try site.build()
        XCTAssertTrue(site.exists("old/index.html"))
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("content/old.md"))
        try site.build()
        XCTAssertFalse(site.exists("old/index.html"))
        XCTAssertFalse(site.exists("old"))
    }

    func testOtherContentFilesArePublishedAsTheyAre() throws {
        let site = try TestSite([:])
        try site.write(Data([0x89, 0x50, 0x4E, 0x47]), to: "content/images/logo.png")
        try site.write("ignored", to: "content/.DS_Store")
        try site.write("ignored", to: "content/index.md~")
        try site.build()
        XCTAssertEqual(try Data(contentsOf: site.output.appendingPathComponent("images/logo.png")), Data([0x89, 0x50, 0x4E, 0x47]))
        XCTAssertFalse(site.exists(".DS_Store"))
        XCTAssertFalse(site.outputFiles().contains { $0.hasSuffix("~") })
    }

    func testFrontMatterTextIsEscaped() throws {
        let site = try TestSite.real(["content/x.md": "---\ntitle: \"<script>alert(1)</script> & co\"\ndescription: 'a \"quote\"'\n---\n"])
        try site.build()
        try site.assertFile("x/index.html", contains: "<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</h1>",
                            #"content="a &quot;quote&quot;""#)
        try site.assertFile("x/index.html", lacks: "<script>alert(1)")
    }

    func testRawHTMLNeedsUnsafeHTML() throws {
        let page = "---\ntitle: X\n---\n\n<div class=\"note\">Hi</div>\n"
        let safe = try TestSite(["content/x.md": page])
        try safe.build()
        try safe.assertFile("x/index.html", contains: "<!-- raw HTML omitted -->")
        let unsafe = try TestSite(["content/x.md": page, "site.yml": TestSite.siteYML + "unsafe_html: true\n"])
        try unsafe.build()
        try unsafe.assertFile("x/index.html", contains: "<div class=\"note\">Hi</div>")
    }

    func testDatesInCodeAreLeftAlone() throws {
        let site = try TestSite(["content/x.md": "---\ntitle: X\n---\n\n`31 February 2026` and\n\n    30 February 2026\n"])
        try site.build()
        try site.assertFile("x/index.html", contains: "<code>31 February 2026</code>", "<pre><code>30 February 2026")
    }

    /// Every page's front matter is read before any Markdown, and the Markdown is read again
    /// from the file: an edit saved in between must not give a page one version's front matter
    /// and another's body.
    func testAPageEditedBetweenItsFrontMatterAndItsMarkdownIsAnErrorNotAMix() throws {
        let site = try TestSite(["content/x.md": "---\ntitle: First\n---\n\nFirst body.\n"])
        var log = DiagnosticLog()
        let config = try XCTUnwrap(site.builder.loadConfig(&log))
        let loader = PageLoader(config: config, templateNames: ["page"], pageTemplateNames: ["page"])
        let entry = SiteBuilder.ContentEntry(absolutePath: site.folder.appendingPathComponent("content/x.md").path, path: "content/x.md",
                                             urlPath: "x/", kind: .page)
        guard case .read(let page, let markdown) = site.builder.readPage(entry, loader: loader).kind else { return XCTFail("the page was not read") }
        XCTAssertEqual(page.title, "First")

        func markdownRead() -> SiteBuilder.PageOutcome {
            site.builder.buildPage(page, from: markdown, variables: loader.variables, templates: nil, site: Site(config: config, pages: []),
                                   shared: PageContext.Shared(config), sink: MemorySink(), checker: SiteChecker())
        }
        try site.write("---\ntitle: First\n---\n\nA body edited since.\n", to: "content/x.md")
        XCTAssertEqual(markdownRead().diagnostics.count, 0, "an edit to the Markdown alone is taken")
        try site.write("---\ntitle: Second\n---\n\nSecond body.\n", to: "content/x.md")
        let mixed = markdownRead()
        XCTAssertNil(mixed.body)
        XCTAssertEqual(mixed.diagnostics.map { "\($0.location): \($0.message)" }, ["content/x.md:1:1: content/x.md changed while this build was reading it"])
    }
}
