import Foundation
import XCTest
@testable import HubSite

/// Every example of the CommonMark 0.30 spec through hubsite's own Markdown stage, with all
/// of the generator's passes switched on, must give cmark's expected HTML byte for byte once
/// the changes we make on purpose are taken out. Those changes, and only those, are:
///
/// 1. Headings get an `id` and a self-link: `<h2 id="x">Text <a class="self-link" …>#</a></h2>`
///    becomes `<h2>Text</h2>` again.
/// 2. UK dates in text are wrapped in `<time datetime="…">…</time>`; the wrapper is removed.
///    (No spec example has one; the rule is here so the test states the whole contract.)
/// 3. Site-absolute Markdown link and image addresses are made relative (`/url` → `url`, `/dir/` →
///    `dir/index.html`, page at the root); the expected HTML gets the same rewrite.
///
/// Text joined across soft breaks renders exactly as cmark renders the separate nodes, so it
/// needs no rule. Raw HTML is allowed for this test, as in the spec.
final class ConformanceTests: XCTestCase {
    struct Example: Decodable {
        var example: Int
        var section: String
        var markdown: String
        var html: String
    }

    private func examples() throws -> [Example] {
        let spec = TestSite.repository.appendingPathComponent("Tests/Fixtures/commonmark/spec-0.30.json")
        return try JSONDecoder().decode([Example].self, from: Data(contentsOf: spec))
    }

    func testAll652SpecExamplesMatchCmarkAfterOurDeliberateChanges() throws {
        let examples = try examples()
        XCTAssertEqual(examples.count, 652)
        let cohort = Cohort(number: 11, firstYear: 2026, applicationsOpen: CalendarDate(year: 2025, month: 12, day: 16)!,
                            applicationsClose: CalendarDate(year: 2026, month: 4, day: 23)!)
        let stage = MarkdownStage(options: .init(
            variables: TextVariables(values: ["cohort.number": "11"]), unsafeHTML: true, depth: 0,
            requiresCriteria: false, cohort: cohort, reservedIDs: []))
        var failures: [String] = []
        for example in examples {
            var log = DiagnosticLog()
            let rendered = stage.render(example.markdown, file: "spec.md", firstLine: 1, log: &log)
            let ours = Self.removingDeliberateChanges(rendered.html)
            // Raw HTML is passed through as written: only Markdown links and images are rewritten.
            let expected = example.markdown.contains("href=") || example.markdown.contains("src=") ? example.html : Self.rewritingSiteLinks(example.html)
            if ours != expected || log.hasErrors {
                failures.append("example \(example.example) (\(example.section)):\n  markdown: \(example.markdown.debugDescription)\n  expected: \(expected.debugDescription)\n  got:      \(ours.debugDescription)\n  errors: \(log.all)")
            }
        }
        XCTAssertEqual(failures.count, 0, "\(652 - failures.count) / 652 match\n" + failures.prefix(10).joined(separator: "\n"))
    }

    /// Rules 1 and 2.
    static func removingDeliberateChanges(_ html: String) -> String {
        html.replacingOccurrences(of: ##"(?s)<h([1-6]) id="[^"]*">(.*?) <a class="self-link" href="#[^"]*" aria-label="[^"]*">#</a></h\1>"##,
                                  with: "<h$1>$2</h$1>", options: .regularExpression)
            .replacingOccurrences(of: #"<time datetime="\d{4}-\d{2}-\d{2}">(.*?)</time>"#, with: "$1", options: .regularExpression)
    }

    /// Rule 3, applied to cmark's expected output as our link pass applies it to the source.
    static func rewritingSiteLinks(_ html: String) -> String {
        let pattern = try! NSRegularExpression(pattern: #"(href|src)="(/[^"]*)""#)
        var result = html
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).reversed() {
            let url = String(html[Range(match.range(at: 2), in: html)!])
            guard !url.hasPrefix("//") else { continue }
            let rewritten = RelativeURL.fromSiteAbsolute(url, depth: 0)
            result.replaceSubrange(Range(match.range(at: 2), in: result)!, with: rewritten)
        }
        return result
    }

    func testTheRulesThemselves() {
        XCTAssertEqual(Self.removingDeliberateChanges(##"<h2 id="a-b">A <em>b</em> <a class="self-link" href="#a-b" aria-label="Link to this section: A b">#</a></h2>"##),
                       "<h2>A <em>b</em></h2>")
        XCTAssertEqual(Self.removingDeliberateChanges(#"on <time datetime="2025-12-16">16 December 2025</time>."#), "on 16 December 2025.")
        XCTAssertEqual(Self.rewritingSiteLinks(#"<a href="/uri">x</a><img src="/" /><a href="//h/x">y</a>"#),
                       #"<a href="uri">x</a><img src="index.html" /><a href="//h/x">y</a>"#)
    }
}
