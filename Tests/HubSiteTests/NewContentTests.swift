import XCTest
@testable import HubSite

/// `hubsite new hub` and `hubsite new page`, run as an editor runs them: a file that builds as
/// it is, with nothing made up, and nothing ever overwritten.
final class NewContentTests: XCTestCase {
    func testANewHubBuildsAsItIsAndIsNeverOverwritten() throws {
        let site = try TestSite([:])
        let made = try HubsiteBinary.run(["new", "hub", "West Midlands Maths Hub", "--region", "West Mids"], in: site.folder)
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertEqual(made.stdout, "wrote content/hubs/west-midlands.md\nnext: fill it in, then preview it with `hubsite serve`\n")
        let written = try String(contentsOf: site.folder.appendingPathComponent("content/hubs/west-midlands.md"), encoding: .utf8)
        XCTAssertTrue(written.hasPrefix("---\n# yaml-language-server: $schema=../../schemas/hub.schema.json\n"), written)
        XCTAssertTrue(written.contains("\nname: \"West Midlands Maths Hub\"\nregion: West Midlands\n"), written)
        // Nothing made up: every optional fact is a comment with a placeholder, no date, no address.
        for line in written.split(separator: "\n") where !line.hasPrefix("#") && line.contains(":") {
            XCTAssertTrue(line.hasPrefix("name:") || line.hasPrefix("region:"), "a value was filled in: \(line)")
        }
        let result = try site.build()
        XCTAssertEqual(result.warnings.filter { $0.location.file.hasPrefix("content/hubs") }, [])
        try site.assertFile("hubs/west-midlands/index.html", contains: "West Midlands Maths Hub")
        try site.assertFile("hubs/index.html", contains: "West Midlands Maths Hub")

        try Data("---\nname: Edited Maths Hub\nregion: West Midlands\n---\n".utf8).write(to: site.folder.appendingPathComponent("content/hubs/west-midlands.md"))
        let again = try HubsiteBinary.run(["new", "hub", "West Midlands Maths Hub", "--region", "West Midlands"], in: site.folder)
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.stderr, "error: content/hubs/west-midlands.md already exists: it was left as it is\n    fix: edit that file, or choose another name\nnothing was written\n")
        XCTAssertEqual(try String(contentsOf: site.folder.appendingPathComponent("content/hubs/west-midlands.md"), encoding: .utf8),
                       "---\nname: Edited Maths Hub\nregion: West Midlands\n---\n")
    }

    func testANewPageBuildsAsItIsAndIsNeverOverwritten() throws {
        let site = try TestSite([:])
        let made = try HubsiteBinary.run(["new", "page", "funding", "--title", "Funding: release time"], in: site.folder)
        XCTAssertEqual(made.status, 0, made.stderr)
        let written = try String(contentsOf: site.folder.appendingPathComponent("content/funding.md"), encoding: .utf8)
        XCTAssertTrue(written.hasPrefix("---\n# yaml-language-server: $schema=../schemas/page.schema.json\ntitle: \"Funding: release time\"\n"), written)
        let result = try site.build()
        XCTAssertEqual(result.warnings.filter { $0.location.file == "content/funding.md" }, [])
        try site.assertFile("funding/index.html", contains: "<h1", "Funding: release time")
        XCTAssertEqual(try HubsiteBinary.run(["new", "page", "funding"], in: site.folder).status, 1)
        XCTAssertEqual(try String(contentsOf: site.folder.appendingPathComponent("content/funding.md"), encoding: .utf8), written)
    }

    func testMistakesInTheCommandWriteNothing() throws {
        let site = try TestSite([:])
        let cases: [([String], String)] = [
            (["new", "hub", "West Midland Counties Maths Hub", "--region", "West Midland Counties"],
             "error: \"West Midland Counties\" is not one of England's nine regions\n    fix: did you mean \"West Midlands\"?\n"),
            (["new", "hub", "  ", "--region", "London"],
             "error: the hub has no name\n    fix: write it in quotes: hubsite new hub \"West Midlands Maths Hub\" --region \"West Midlands\"\n"),
            (["new", "hub", "Hub", "--region", "London", "--slug", "Big_Hub"],
             "error: \"Big_Hub\" cannot be the hub's file name: names are lower-case letters, digits and hyphens\n    fix: give one with --slug, e.g. --slug west-midlands\n"),
            (["new", "page", "Funding FAQ"],
             "error: \"Funding FAQ\" is not a valid page name: page names are lower-case letters, digits and hyphens\n    fix: write it as \"funding-faq\"\n"),
            (["new", "page", "hubs"], "error: \"hubs\" is taken by a page hubsite makes\n    fix: choose another name\n"),
            (["new", "page", "funding", "--source", "content"],
             "error: \(site.folder.appendingPathComponent("content").path) has no site.yml, so it is not a site's folder\n    fix: run the command in the site's folder, or name it with --source\n"),
        ]
        let before = FileTree.files(under: site.folder).count
        for (arguments, message) in cases {
            let outcome = try HubsiteBinary.run(arguments, in: site.folder)
            XCTAssertEqual(outcome.status, 1, arguments.joined(separator: " "))
            XCTAssertEqual(outcome.stderr, message + "nothing was written\n")
        }
        XCTAssertEqual(FileTree.files(under: site.folder).count, before)
    }

    /// Arguments that would add lines to the file, take the finder's name, not fit in a file
    /// name, or lose a look-alike letter: refused, and nothing written.
    func testHostileArgumentsAreRefusedAndNothingIsWritten() throws {
        let site = try TestSite([:])
        let before = FileTree.relativePaths(under: site.folder.appendingPathComponent("content"))
        for (arguments, message) in [
            (["new", "hub", "X\napply_url: https://phish.example.org/apply #", "--region", "London"],
             "error: the name holds a line break or another control character, which would change the file's other lines"),
            (["new", "hub", "Index", "--region", "London"],
             "error: \"index\" cannot be a hub's file name: content/hubs/index.md introduces the list of hubs"),
            (["new", "hub", String(repeating: "Long ", count: 60), "--region", "London"],
             "error: the file name \"long-long-long-long-long-long-long-long-\u{2026}\" made from the name is 299 characters long; at most 100 fit in an address"),
            (["new", "hub", "\u{405}olent", "--region", "South East"],
             "error: the name holds \"\u{405}\" (U+405), a letter of another alphabet that may look like a Latin one, so the file name made from it would lose it"),
            (["new", "page", "notes", "--title", "Notes\rtitle: Other"],
             "error: --title holds a line break or another control character, which would change the file's other lines"),
        ] {
            let result = try HubsiteBinary.run(arguments, in: site.folder)
            XCTAssertEqual(result.status, 1, "\(arguments)")
            XCTAssertTrue(result.stderr.hasPrefix(message + "\n"), "\(arguments): \(result.stderr)")
        }
        XCTAssertEqual(FileTree.relativePaths(under: site.folder.appendingPathComponent("content")), before)
        // What is written is quoted: a name that YAML would read as something else stays text.
        let quoted = try HubsiteBinary.run(["new", "hub", "#1: \"Best\" Maths Hub", "--region", "London", "--slug", "best"], in: site.folder)
        XCTAssertEqual(quoted.status, 0, quoted.stderr)
        try site.build()
        try site.assertFile("hubs/best/index.html", contains: "#1: &quot;Best&quot; Maths Hub")
    }

    /// A hub file written by hand with a look-alike letter is still the same hub.
    func testAHubNamedWithALookalikeLetterIsCaughtAsADuplicate() throws {
        let site = try TestSite([
            "content/hubs/solent.md": "---\nname: Solent Maths Hub\nregion: South East\n---\n",
            "content/hubs/olent.md": "---\nname: \u{405}olent Maths Hub\nregion: South East\n---\n",
        ])
        XCTAssertEqual(site.buildErrors(), [
            "content/hubs/olent.md:2:7: the hub \"\u{405}olent Maths Hub\" is also described in content/hubs/solent.md:2:7",
            "content/hubs/solent.md:2:7: the hub \"Solent Maths Hub\" is also described in content/hubs/olent.md:2:7",
        ])
    }
}
