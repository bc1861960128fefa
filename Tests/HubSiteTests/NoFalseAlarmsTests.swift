import XCTest
@testable import HubSite

/// Valid HTML is never reported as broken: every character reference HTML defines is decoded
/// before a link is followed, and a `<template>`'s inert content is not checked.
final class NoFalseAlarmsTests: XCTestCase {
    private let unsafe = TestSite.siteYML + "unsafe_html: true\n"

    func testCharacterReferencesInLinksAreDecodedAsABrowserDoes() throws {
        let site = try TestSite(["site.yml": unsafe, "content/x.md": """
            ---
            title: X
            ---

            <a href="../key&#45;dates.ics">numeric</a> <a href="../key&#x2D;dates.ics">hex</a>
            <a href="../accessibility/index&period;html">named</a> <a href="../accessibility/&#x69;ndex.html">hex letter</a>
            <a href="../&ShortRightArrow;.html" aria-label="arrow">x</a>

            """])
        // Only the last is broken: "→.html" does not exist. It is reported as it was written.
        XCTAssertEqual(site.failure()?.errors.map { "\($0.location): \($0.message)" }, [
            "content/x.md:7:10: broken link \"../&ShortRightArrow;.html\": →.html does not exist in the site",
        ])
    }

    func testAReferenceHTMLDoesNotDefineIsLeftAsWritten() {
        XCTAssertEqual(HTMLEntities.decode("a&amp;b &lt;x&gt; &notanentity; & &; &#45"), "a&b <x> &notanentity; & &; &#45")
        XCTAssertEqual(HTMLEntities.decode("&CounterClockwiseContourIntegral;&eacute;&#128512;"), "∳é😀")
    }

    func testLinksInsideATemplateElementAreNotFollowed() throws {
        let site = try TestSite(["site.yml": unsafe, "content/x.md": """
            ---
            title: X
            ---

            <template id="row"><a href="row-PLACEHOLDER.html">row</a><img src="missing.png"></template>
            <a href="nowhere.html">after</a>

            """])
        XCTAssertEqual(site.failure()?.errors.map { "\($0.location): \($0.message)" }, [
            "content/x.md:6:10: broken link \"nowhere.html\": x/nowhere.html does not exist in the site",
        ])
    }

    func testATemplateWritingAReferenceIsNotReported() throws {
        let site = try TestSite([:])
        let footer = TestSite.repository.appendingPathComponent("templates/partials/footer.mustache")
        let text = try String(contentsOf: footer, encoding: .utf8)
        try site.write(text.replacingOccurrences(of: "</footer>", with: "<a href=\"{{root}}accessibility&#47;index.html\">Accessibility</a></footer>"),
                       to: "templates/partials/footer.mustache")
        try site.build()
    }
}
