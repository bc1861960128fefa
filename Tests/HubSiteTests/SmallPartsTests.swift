import XCTest
@testable import HubSite

/// Slugs, suggestions, variables, front matter and iCalendar: the small parts with sharp edges.
final class SmallPartsTests: XCTestCase {
    func testSlugsAreStableAndUnique() {
        XCTAssertEqual(SlugMaker.slug("Who should apply?"), "who-should-apply")
        XCTAssertEqual(SlugMaker.slug("  Teachers’ knowledge & Café  "), "teachers-knowledge-cafe")
        XCTAssertEqual(SlugMaker.slug("?!"), "")
        var maker = SlugMaker(reserved: ["contents"])
        XCTAssertEqual(["Contents", "Overview", "Overview", "Overview", "!!"].map { maker.makeID(for: $0) },
                       ["contents-1", "overview", "overview-1", "overview-2", "section"])
    }

    func testSuggestsTheNearestKnownWord() {
        XCTAssertEqual(Suggestion.nearest(to: "webiste", in: ["website", "areas", "name"]), "website")
        XCTAssertEqual(Suggestion.nearest(to: "South-East", in: ["South East", "South West", "London"]), "South East")
        XCTAssertEqual(Suggestion.nearest(to: "Tittle", in: ["title", "description"]), "title")
        XCTAssertNil(Suggestion.nearest(to: "colour", in: ["title", "description"]))
        XCTAssertEqual(Suggestion.hint(for: "zzz", in: ["b", "a"]), "use one of: \"a\", \"b\"")
    }

    func testVariablesAreReplacedAndUnknownOnesReported() {
        let variables = TextVariables(values: ["cohort.number": "11", "cohort.year1": "2026/27"])
        XCTAssertEqual(variables.substitute(in: "Cohort {{cohort.number}} ({{ cohort.year1 }})").text, "Cohort 11 (2026/27)")
        let result = variables.substitute(in: "x {{cohort.numbr}} {{ unclosed")
        XCTAssertEqual(result.text, "x {{cohort.numbr}} {{ unclosed")
        XCTAssertEqual(result.problems, [.init(place: 2, message: "unknown variable \"{{cohort.numbr}}\"",
                                               fix: "did you mean \"cohort.number\"?")])
    }

    func testFrontMatterSplitCountsLines() throws {
        let split = try FrontMatterSplit.split(SourceFile(path: "a.md", text: "---\ntitle: A\n---\n\nBody\n")).get()
        XCTAssertEqual(split.yaml, "title: A\n")
        XCTAssertEqual(split.body, "\nBody\n")
        XCTAssertEqual(split.bodyFirstLine, 4)
        let none = try FrontMatterSplit.split(SourceFile(path: "a.md", text: "Body\n---\n")).get()
        XCTAssertNil(none.yaml)
        XCTAssertEqual(none.bodyFirstLine, 1)
    }

    func testUnclosedFrontMatterIsAnError() {
        guard case .failure(let diagnostic) = FrontMatterSplit.split(SourceFile(path: "a.md", text: "---\ntitle: A\n\nBody\n")) else {
            return XCTFail("expected an error")
        }
        XCTAssertEqual(diagnostic.description, """
            a.md:1:1: error: the front matter opened by "---" on line 1 is never closed
                fix: add a line "---" after the last front-matter key (did you forget it?)
            """)
    }

    func testNonUTF8IsReportedWhereItIs() {
        guard case .failure(let diagnostic) = SourceFile.decode([0x61, 0x0A, 0x62, 0x63, 0xE9, 0x0A], as: "x.md") else {
            return XCTFail("expected an error")
        }
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "x.md", line: 2, column: 3))
        XCTAssertTrue(diagnostic.message.contains("not UTF-8"))
    }

    func testCRLFAndBOMAreNormalised() throws {
        let file = try SourceFile.decode([0xEF, 0xBB, 0xBF] + Array("a\r\nb\r\n".utf8), as: "x.md").get()
        XCTAssertEqual(file.text, "a\nb\n")
    }

    func testICalendarEscapesAndFoldsAt75Octets() {
        XCTAssertEqual(ICalendar.escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne")
        let long = "DESCRIPTION:" + String(repeating: "é", count: 60)
        let folded = ICalendar.fold(long)
        for line in folded.components(separatedBy: "\r\n") {
            XCTAssertLessThanOrEqual(line.utf8.count, 75)
        }
        XCTAssertEqual(folded.replacingOccurrences(of: "\r\n ", with: ""), long)
    }

    func testRelativeLinks() {
        XCTAssertEqual(RelativeURL.fromSiteAbsolute("/accessibility/", depth: 0), "accessibility/index.html")
        XCTAssertEqual(RelativeURL.fromSiteAbsolute("/", depth: 2), "../../index.html")
        XCTAssertEqual(RelativeURL.fromSiteAbsolute("/hubs/#london", depth: 1), "../hubs/index.html#london")
        XCTAssertEqual(RelativeURL.fromSiteAbsolute("/key-dates.ics", depth: 1), "../key-dates.ics")
        XCTAssertEqual(RelativeURL.fromSiteAbsolute("//cdn.example/x", depth: 1), "//cdn.example/x")
        XCTAssertEqual(RelativeURL.fromSiteAbsolute("https://example.org/", depth: 1), "https://example.org/")
        XCTAssertEqual(RelativeURL.fromSiteAbsolute("#top", depth: 1), "#top")
    }

    func testJSONLDCannotCloseItsScript() {
        XCTAssertEqual(JSONLD.encode(["a": "</script><!--"]), "{\"a\":\"<\\/script><\\u0021--\"}")
    }
}
