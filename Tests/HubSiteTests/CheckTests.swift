import XCTest
@testable import HubSite

/// The link and structure checks, inside `hubsite build` and on a folder of HTML.
final class CheckTests: XCTestCase {
    func testBrokenLinksFailTheBuildAtTheirPlaceInTheMarkdown() throws {
        let site = try TestSite(["content/x.md": """
            ---
            title: X
            ---

            See [the guide](/guide/), [how to apply](/#how-to-aply)
            and [a section](#nowhere), [nothing](#), [the sheet](/).

            """])
        XCTAssertEqual(site.buildErrors(), [
            "content/x.md:5:5: broken link \"/guide/\": guide/index.html does not exist in the site",
            "content/x.md:5:27: broken link \"/#how-to-aply\": index.html has no id \"how-to-aply\"",
            "content/x.md:6:5: broken link \"#nowhere\": x/index.html has no id \"nowhere\"",
            "content/x.md:6:28: link \"#\" points nowhere",
        ])
        let failure = try XCTUnwrap(site.failure())
        XCTAssertEqual(failure.errors[1].fix, "did you mean \"#how-to-apply\"?")
    }

    func testStructureProblems() throws {
        let site = try TestSite([
            "site.yml": TestSite.siteYML + "unsafe_html: true\n",
            "content/x.md": """
                ---
                title: X
                ---

                ## Part

                #### Too deep

                <img src="../logo.png">

                <p id="part">again</p>

                [](/accessibility/) and [![](/logo.png)](/)

                """,
            "content/accessibility.md": "---\ntitle: A\n---\n",
            "content/logo.png": "an image",
        ])
        let errors = site.buildErrors()
        let withoutLines = errors.map {
            $0.replacingOccurrences(of: #"public/x/index.html:\d+:1"#, with: "public/x/index.html", options: .regularExpression)
                .replacingOccurrences(of: #"line \d+"#, with: "line N", options: .regularExpression)
        }
        XCTAssertEqual(withoutLines.sorted(), [
            // Raw HTML is placed in the Markdown it was written in; the first "part" is the heading.
            "content/x.md:11:8: duplicate id \"part\" (first on line N)",
            "content/x.md:9:11: image \"../logo.png\" has no alt text",
            "content/x.md:7:1: heading level skipped: <h4> follows <h2>",
            // Beside raw HTML too, each link is placed where its Markdown was written.
            "content/x.md:13:1: empty link to \"../accessibility/index.html\": it has no text a screen reader can announce",
            "content/x.md:13:25: empty link to \"../index.html\": it has no text a screen reader can announce",
        ].sorted())
    }

    /// Problems in the body point at the Markdown, where the editor can fix them.
    func testBodyProblemsArePlacedInTheMarkdown() throws {
        let site = try TestSite([
            "content/x.md": """
                ---
                title: X
                ---

                ## Part

                #### Too deep

                [](/accessibility/) and [![](/logo.png)](/) and [ ](/)

                ## Footer links

                """,
            "content/logo.png": "an image",
            // An id the template uses that the Markdown stage does not know of.
            "templates/page.mustache": "<h1 id=\"footer-links\">{{page.title}}</h1>\n{{{page.body}}}\n",
        ])
        XCTAssertEqual(site.buildErrors().sorted(), [
            "content/x.md:11:1: duplicate id \"footer-links\" (first at templates/page.mustache:1:9)",
            "content/x.md:7:1: heading level skipped: <h4> follows <h2>",
            "content/x.md:9:1: empty link to \"../accessibility/index.html\": it has no text a screen reader can announce",
            "content/x.md:9:25: empty link to \"../index.html\": it has no text a screen reader can announce",
            "content/x.md:9:49: empty link to \"../index.html\": it has no text a screen reader can announce",
        ].sorted())
    }

    /// The criteria table writes its cells row by row, not in the order of the two lists: a
    /// link in the third essential item comes after the first desirable item's in the HTML.
    /// Each problem is still placed at the item that holds it, whatever links the same address.
    func testProblemsInTheCriteriaTableArePlacedAtTheirItem() throws {
        let site = try TestSite(["content/x.md": """
            ---
            title: X
            ---

            ### Essential

            - one
            - two
            - three [](/accessibility/)

            ### Desirable

            - the [statement](/accessibility/) and [a page](/nowhere/)
            - five

            """, "content/accessibility.md": "---\ntitle: A\n---\n"])
        XCTAssertEqual(site.buildErrors(), [
            "content/x.md:9:9: empty link to \"../accessibility/index.html\": it has no text a screen reader can announce",
            "content/x.md:13:40: broken link \"/nowhere/\": nowhere/index.html does not exist in the site",
        ])
    }

    /// Links beside raw HTML are placed as exactly as any other, and so is the raw HTML's own.
    func testLinksBesideRawHTMLArePlacedWhereTheyWereWritten() throws {
        let site = try TestSite([
            "site.yml": TestSite.siteYML + "unsafe_html: true\n",
            "content/x.md": """
                ---
                title: X
                ---

                <div class="note"><a href="../accessibility/">here</a></div>

                The [statement](/accessibility/) and [](/accessibility/), then
                <span><a href="../accessibility/"></a></span>.

                """,
            "content/accessibility.md": "---\ntitle: A\n---\n",
        ])
        XCTAssertEqual(site.buildErrors(), [
            "content/x.md:7:38: empty link to \"../accessibility/index.html\": it has no text a screen reader can announce",
            "content/x.md:8:16: empty link to \"../accessibility/\": it has no text a screen reader can announce",
        ])
    }

    /// Inside the body, problems are placed by what the Markdown wrote, even where the template
    /// writes the same address and the same id around it; the template's own are placed in it.
    func testBodyPlacesHoldWhereTheTemplateWritesTheSameAddresses() throws {
        let site = try TestSite([
            "content/x.md": "---\ntitle: X\n---\n\n[](/) and [ ](/)\n\n## Top links\n\n#### Deep\n",
            "templates/page.mustache": """
                <a href="{{root}}index.html"></a><h1 id="top-links">T</h1>
                <main>{{{page.body}}}</main>
                <a href="{{root}}index.html">home</a>

                """,
        ])
        XCTAssertEqual(site.buildErrors(), [
            "content/x.md:5:1: empty link to \"../index.html\": it has no text a screen reader can announce",
            "content/x.md:5:11: empty link to \"../index.html\": it has no text a screen reader can announce",
            "content/x.md:7:1: duplicate id \"top-links\" (first at templates/page.mustache:1:42)",
            "content/x.md:9:1: heading level skipped: <h4> follows <h2>",
            "templates/page.mustache:1:10: empty link to \"../index.html\": it has no text a screen reader can announce",
        ])
    }

    /// Templates that use the body other than once, as it is, in text: the page is rendered whole.
    func testTemplatesThatUseTheBodyUnusuallyAreRenderedWhole() throws {
        let markdown = "---\ntitle: X\n---\n\nSome *words* and [a link](/accessibility/).\n"
        let cases: [(template: String, expected: String)] = [
            ("<main>{{page.body}}</main>\n", "<main>&lt;p&gt;Some &lt;em&gt;words&lt;/em&gt;"),
            ("<main>{{{page.body}}}</main><aside>{{{page.body}}}</aside>\n", "</main><aside><p>Some <em>words</em>"),
            ("<meta content=\"{{{page.body}}}\"><main>{{{page.body}}}</main>\n", "<meta content=\"<p>Some"),
            ("<!-- {{{page.body}}} --><main>{{#page.body}}{{{page.body}}}{{/page.body}}</main>\n", "<!-- <p>Some"),
            ("<main>{{{lowercased(page.body)}}}</main>\n", "<main><p>some <em>words</em>"),
        ]
        for (template, expected) in cases {
            let site = try TestSite(["content/x.md": markdown, "templates/page.mustache": template])
            try site.build()
            try site.assertFile("x/index.html", contains: expected)
        }
        // A transformed body is read from the HTML, as it was written.
        let shouting = try TestSite(["content/x.md": markdown, "templates/page.mustache": "<main>{{{uppercased(page.body)}}}</main>\n"])
        XCTAssertEqual(shouting.buildErrors(), [
            "public/x/index.html:1:43: broken link \"../ACCESSIBILITY/INDEX.HTML\": ACCESSIBILITY/INDEX.HTML does not exist in the site",
        ])
    }

    func testCheckerOnAFolderListsExternalLinksAndFindsEverything() {
        let files = [
            OutputFile(path: "index.html", text: """
                <h1 id="a">T</h1><a href="https://example.org/x">ext</a> <a href="mailto:a@b.org">mail</a>
                <a href="sub/">folder</a> <a href="sub">no slash</a> <a href="../../etc/passwd">out</a>
                <a href="/abs/">abs</a> <img src="missing.png" alt="x"><a href="#a">ok</a>
                """),
            OutputFile(path: "sub/index.html", text: "<h1>S</h1><a href=\"../index.html#a\">back</a><a href=\"https://example.org/x\">e</a>"),
        ]
        let report = SiteChecker().check(files)
        XCTAssertEqual(report.externalLinks.map(\.url), ["https://example.org/x", "mailto:a@b.org"])
        XCTAssertEqual(report.externalLinks.first?.pages, ["index.html", "sub/index.html"])
        XCTAssertEqual(report.diagnostics.map(\.message).sorted(), [
            "broken link \"../../etc/passwd\": it leads outside the site's folder",
            "broken link \"/abs/\": a link from the domain's root breaks when the site is published in a sub-folder",
            "broken link \"missing.png\": missing.png does not exist in the site",
            "broken link \"sub\": sub does not exist in the site",
        ])
        XCTAssertEqual(report.diagnostics.first { $0.message.contains("\"sub\"") }?.fix, "it is a folder: link to sub/index.html")
        XCTAssertEqual(report.checkedPages, 2)
    }

    func testScannerSkipsCommentsScriptsAndReadsAttributes() {
        let events = HTMLScanner.events(in: "<!-- <a href=x> -->\n<script>if (a<b) {}</script><A HREF='y&amp;z' class=c>t</A>")
        let tags = events.compactMap { event -> String? in
            if case .tag(let tag) = event, !tag.isClosing { return "\(tag.name) \(tag.attributes.list.map { "\($0.name)=\($0.value)" }) \(tag.line)" }
            return nil
        }
        XCTAssertEqual(tags, ["script [] 2", "a [\"href=y&z\"] 2"])
    }
}
