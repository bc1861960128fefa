import XCTest

/// `--format`: the same problems for a person, for GitHub's pull-request annotations, and as JSON.
final class OutputFormatTests: XCTestCase {
    private func brokenSite() throws -> TestSite {
        try TestSite(["content/x.md": "---\ntitle: X\ntitel: Y\n---\n\n30 February 2026, 100% sure: see [a, b](/nowhere/).\n"])
    }

    func testGitHubAnnotationsPutEachProblemOnItsLine() throws {
        let site = try brokenSite()
        let result = try HubsiteBinary.run(["build", "--format", "github"], in: site.folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, """
            ::error file=content/x.md,line=3,col=1,title=hubsite error::unknown key "titel" in the front matter%0Afix: did you mean "title"?
            ::error file=content/x.md,line=6,col=1,title=hubsite error::impossible date "30 February 2026": February 2026 has 28 days%0Afix: check the day and the month
            ::error file=content/x.md,line=6,col=34,title=hubsite error::broken link "/nowhere/": nowhere/index.html does not exist in the site%0Afix: correct the address, or add the page it should lead to

            """)
        XCTAssertEqual(result.stderr, "build failed: 3 errors; public/ was left as it was\n")
    }

    func testJSONIsOneObjectALine() throws {
        let site = try brokenSite()
        let result = try HubsiteBinary.run(["build", "--format", "json"], in: site.folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, """
            {"column":1,"file":"content/x.md","fix":"did you mean \\"title\\"?","line":3,"message":"unknown key \\"titel\\" in the front matter","severity":"error"}
            {"column":1,"file":"content/x.md","fix":"check the day and the month","line":6,"message":"impossible date \\"30 February 2026\\": February 2026 has 28 days","severity":"error"}
            {"column":34,"file":"content/x.md","fix":"correct the address, or add the page it should lead to","line":6,"message":"broken link \\"/nowhere/\\": nowhere/index.html does not exist in the site","severity":"error"}

            """)
        for line in result.stdout.split(separator: "\n") {
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8)))
        }
        XCTAssertEqual(result.stderr, "build failed: 3 errors; public/ was left as it was\n")
    }

    /// GitLab's Code Quality report: one JSON array on standard output, each problem at its file
    /// and line with a fingerprint that stays the same from pipeline to pipeline; empty when all is well.
    func testGitLabCodeQualityIsOneArrayWithStableFingerprints() throws {
        let site = try brokenSite()
        let result = try HubsiteBinary.run(["build", "--format", "gitlab"], in: site.folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "build failed: 3 errors; public/ was left as it was\n")
        let issues = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(issues.count, 3)
        let first = issues[0]
        XCTAssertEqual(first["check_name"] as? String, "hubsite-error")
        XCTAssertEqual(first["severity"] as? String, "major")
        XCTAssertEqual(first["description"] as? String, #"unknown key "titel" in the front matter (fix: did you mean "title"?)"#)
        XCTAssertEqual((first["location"] as? [String: Any])?["path"] as? String, "content/x.md")
        XCTAssertEqual(((first["location"] as? [String: Any])?["lines"] as? [String: Any])?["begin"] as? Int, 3)
        XCTAssertEqual(Set(issues.compactMap { $0["fingerprint"] as? String }).count, 3)
        let again = try HubsiteBinary.run(["build", "--format", "gitlab"], in: site.folder)
        XCTAssertEqual(again.stdout, result.stdout, "the same problems, the same report")
        let clean = try TestSite()
        let fine = try HubsiteBinary.run(["build", "--format", "gitlab"], in: clean.folder)
        XCTAssertEqual(fine.status, 0, fine.stderr)
        XCTAssertEqual(fine.stdout, "[]\n")
    }

    /// With --format json, standard output holds JSON lines only, whatever else is asked for.
    func testJSONWithTimingsKeepsStandardOutputJSON() throws {
        let site = try TestSite(["content/x.md": "---\ntitle: X\n---\n\n| a | b |\n"])
        let result = try HubsiteBinary.run(["build", "--format", "json", "--timings"], in: site.folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertFalse(lines.isEmpty)
        for line in lines {
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8)), String(line))
        }
        XCTAssertTrue(result.stderr.contains("  load "), result.stderr)
    }

    func testTextIsTheDefault() throws {
        let site = try brokenSite()
        let text = try HubsiteBinary.run(["build"], in: site.folder)
        XCTAssertEqual(try HubsiteBinary.run(["build", "--format", "text"], in: site.folder).stderr, text.stderr)
        XCTAssertTrue(text.stderr.hasPrefix("content/x.md:3:1: error: unknown key \"titel\" in the front matter\n    fix: did you mean \"title\"?\n"))
    }

    func testCheckSpeaksTheSameFormats() throws {
        let site = try TestSite()
        XCTAssertEqual(try HubsiteBinary.run(["build"], in: site.folder).status, 0)
        let json = try HubsiteBinary.run(["check", "--format", "json", "--today", "2026-01-10"], in: site.folder)
        XCTAssertEqual(json.status, 0, json.stderr)
        XCTAssertEqual(json.stdout, "", "no problem, no line")
        XCTAssertTrue(json.stderr.hasPrefix("checked 4 pages, 4 links: 0 errors, 0 warnings"), json.stderr)
        let github = try HubsiteBinary.run(["check", "--format", "github", "--today", "2026-06-01"], in: site.folder)
        XCTAssertTrue(github.stdout.hasPrefix("::warning file=site.yml,"), github.stdout)
    }

    func testVersionIsOneNumberEverywhere() throws {
        let site = try TestSite()
        let flag = try HubsiteBinary.run(["--version"], in: site.folder)
        let command = try HubsiteBinary.run(["version"], in: site.folder)
        let help = try HubsiteBinary.run(["--help"], in: site.folder)
        XCTAssertEqual(flag.status, 0)
        XCTAssertTrue(flag.stdout.hasPrefix("hubsite "), flag.stdout)
        XCTAssertEqual(flag.stdout, command.stdout)
        let number = flag.stdout.dropFirst("hubsite ".count).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(help.stdout.contains("(version \(number))"), help.stdout)
    }
}
