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

                <img src="../style.css">

                <p id="part">again</p>

                [](/accessibility/) and [![](/style.css)](/)

                """,
            "content/accessibility.md": "---\ntitle: A\n---\n",
        ])
        let errors = site.buildErrors()
        let withoutLines = errors.map {
            $0.replacingOccurrences(of: #"public/x/index.html:\d+:1"#, with: "public/x/index.html", options: .regularExpression)
                .replacingOccurrences(of: #"line \d+"#, with: "line N", options: .regularExpression)
        }
        XCTAssertEqual(withoutLines.sorted(), [
            "public/x/index.html: duplicate id \"part\" (first on line N)",
            "public/x/index.html: empty link to \"../accessibility/index.html\": it has no text a screen reader can announce",
            "public/x/index.html: empty link to \"../index.html\": it has no text a screen reader can announce",
            "public/x/index.html: heading level skipped: <h4> follows <h2>",
            "public/x/index.html: image \"../style.css\" has no alt text",
        ].sorted())
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
            "broken link \"/abs/\": a link from the domain's root breaks when the site is published in a sub-folder; write it from the site's root as /page/ in Markdown, which hubsite makes relative",
            "broken link \"missing.png\": missing.png does not exist in the site",
            "broken link \"sub\": sub does not exist in the site",
        ])
        XCTAssertEqual(report.diagnostics.first { $0.message.contains("\"sub\"") }?.fix, "it is a folder: link to sub/index.html")
        XCTAssertEqual(report.checkedPages, 2)
    }

    func testScannerSkipsCommentsScriptsAndReadsAttributes() {
        let events = HTMLScanner.events(in: "<!-- <a href=x> -->\n<script>if (a<b) {}</script><A HREF='y&amp;z' class=c>t</A>")
        let tags = events.compactMap { event -> String? in
            if case .tag(let tag) = event, !tag.isClosing { return "\(tag.name) \(tag.attributes.pairs.map { "\($0.name)=\($0.value)" }) \(tag.line)" }
            return nil
        }
        XCTAssertEqual(tags, ["script [] 2", "a [\"href=y&z\"] 2"])
    }
}
