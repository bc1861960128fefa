import XCTest
@testable import HubSite

/// The cmark wrapper: plain CommonMark in, cmark's own HTML out, and each hook doing only its job.
final class CommonMarkTests: XCTestCase {
    func testRendersLikeCmarkWithoutHooks() {
        XCTAssertEqual(CommonMark.renderHTML("# Hi\n\nSome *text*.\n", unsafeHTML: false),
                       "<h1>Hi</h1>\n<p>Some <em>text</em>.</p>\n")
    }

    func testRawHTMLIsDroppedUnlessUnsafe() {
        let markdown = "<script>alert(1)</script>\n\nA <b>bold</b> word.\n"
        let safe = CommonMark.renderHTML(markdown, unsafeHTML: false)
        XCTAssertFalse(safe.contains("<script>"))
        XCTAssertTrue(safe.contains("<!-- raw HTML omitted -->"))
        let unsafe = CommonMark.renderHTML(markdown, unsafeHTML: true)
        XCTAssertTrue(unsafe.contains("<script>alert(1)</script>"))
    }

    func testDangerousLinkIsEmptiedInSafeMode() {
        let html = CommonMark.renderHTML("[x](javascript:alert(1))\n", unsafeHTML: false)
        XCTAssertEqual(html, "<p><a href=\"\">x</a></p>\n")
    }

    func testTextHookWrapsOnlyTextNeverCode() {
        var hooks = CommonMarkHooks()
        var seen: [String] = []
        hooks.rewriteText = { text, _ in
            seen.append(text)
            return [.wrapped(open: "<mark>", text: text, close: "</mark>")]
        }
        let html = CommonMark.renderHTML("a `b` c\n\n```\nd\n```\n", unsafeHTML: false, hooks: hooks)
        XCTAssertEqual(html, "<p><mark>a </mark><code>b</code><mark> c</mark></p>\n<pre><code>d\n</code></pre>\n")
        XCTAssertEqual(seen, ["a ", " c"])
    }

    func testCustomMarkupSurvivesSafeMode() {
        var hooks = CommonMarkHooks()
        hooks.rewriteText = { text, _ in [.text("x"), .wrapped(open: "<time>", text: text, close: "</time>")] }
        XCTAssertEqual(CommonMark.renderHTML("y\n", unsafeHTML: false, hooks: hooks), "<p>x<time>y</time></p>\n")
    }

    func testTextSplitAcrossALineBreakIsSeenWhole() {
        var hooks = CommonMarkHooks()
        var seen: [String] = []
        hooks.rewriteText = { text, _ in
            seen.append(text)
            return [.text(text)]
        }
        let html = CommonMark.renderHTML("opens 16 December\n2025 [now]\n", unsafeHTML: false, hooks: hooks)
        XCTAssertEqual(seen, ["opens 16 December\n2025 [now]"])
        XCTAssertEqual(html, "<p>opens 16 December\n2025 [now]</p>\n", "merging must not change the rendered bytes")
    }

    func testTriggersSkipRunsThatCannotChangeAndJoinThoseThatMay() {
        var hooks = CommonMarkHooks()
        var seen: [String] = []
        hooks.textTriggers = "0123456789{"
        hooks.rewriteText = { text, _ in
            seen.append(text)
            return [.wrapped(open: "<b>", text: text, close: "</b>")]
        }
        // The digit is in the second node of the first run (cmark splits at "["): the run is seen whole.
        // "plain words" has no trigger and is left to cmark; so is the image's text.
        let html = CommonMark.renderHTML("one [two\n3 *plain words* ![alt](x.png)\n", unsafeHTML: false, hooks: hooks)
        XCTAssertEqual(seen, ["one [two\n3 "])
        XCTAssertEqual(html, "<p><b>one [two\n3 </b><em>plain words</em> <img src=\"x.png\" alt=\"alt\" /></p>\n")
    }

    func testTextPositionsAreLineAndByteColumn() {
        var hooks = CommonMarkHooks()
        var positions: [SourcePosition] = []
        hooks.rewriteText = { text, run in
            positions.append(run.position(atByte: 0))
            return [.text(text)]
        }
        _ = CommonMark.renderHTML("para\n\n- item *em*\n", unsafeHTML: false, hooks: hooks)
        XCTAssertEqual(positions, [SourcePosition(line: 1, column: 1), SourcePosition(line: 3, column: 3), SourcePosition(line: 3, column: 9)])
    }

    func testPositionsInsideAJoinedRunPointAtTheirOwnLine() {
        var hooks = CommonMarkHooks()
        var found: [SourcePosition] = []
        hooks.rewriteText = { text, run in
            found.append(run.position(atByte: text.utf8.count - 4))
            return [.text(text)]
        }
        _ = CommonMark.renderHTML("- first\n  second [x 2026\n", unsafeHTML: false, hooks: hooks)
        XCTAssertEqual(found, [SourcePosition(line: 2, column: 13)])
    }

    func testURLHookRewritesLinksAndImages() {
        var hooks = CommonMarkHooks()
        hooks.rewriteLink = { target, _ in LinkTarget(url: "X" + target.url, title: target.title) }
        XCTAssertEqual(CommonMark.renderHTML("[a](/b) ![c](d.png)\n", unsafeHTML: false, hooks: hooks),
                       "<p><a href=\"X/b\">a</a> <img src=\"Xd.png\" alt=\"c\" /></p>\n")
    }

    func testHeadingHookReplacesHeadingWithItsHTML() {
        var hooks = CommonMarkHooks()
        var outlines: [HeadingOutline] = []
        hooks.renderHeading = { heading in
            outlines.append(heading)
            return HeadingWrapper(open: "<h\(heading.level) id=\"x\">", close: "</h\(heading.level)>")
        }
        let html = CommonMark.renderHTML("## A *b* `c`\n\ntext\n", unsafeHTML: false, hooks: hooks)
        XCTAssertEqual(html, "<h2 id=\"x\">A <em>b</em> <code>c</code></h2>\n<p>text</p>\n")
        XCTAssertEqual(outlines.first?.plainText, "A b c")
    }

    func testBlockHookSeesTopLevelOutlineAndReplacesARange() {
        var hooks = CommonMarkHooks()
        var outline: [BlockOutline] = []
        var items: [String] = []
        hooks.replaceBlocks = { blocks, itemsOf in
            outline = blocks
            items = itemsOf(1).map(\.html)
            return [BlockReplacement(range: 1...2, html: "<table></table>")]
        }
        let html = CommonMark.renderHTML("# T\n\n- a\n-\n- *c*\n\npara\n\nend\n", unsafeHTML: false, hooks: hooks)
        XCTAssertEqual(outline.map(\.kind), [.heading(level: 1, text: "T"), .list(count: 3), .other, .other])
        XCTAssertEqual(items, ["a", "", "<em>c</em>"])
        XCTAssertEqual(html, "<h1>T</h1>\n<table></table>\n<p>end</p>\n")
    }

    func testEmptyAndNULInputDoNotCrash() {
        XCTAssertEqual(CommonMark.renderHTML("", unsafeHTML: false), "")
        XCTAssertEqual(CommonMark.renderHTML("a\u{0}b", unsafeHTML: false), "<p>a\u{FFFD}b</p>\n")
    }
}
