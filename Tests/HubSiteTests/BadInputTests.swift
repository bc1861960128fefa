import XCTest
@testable import HubSite

/// Each broken input: its exact message at its exact place, a failed build, public/ untouched.
final class BadInputTests: XCTestCase {
    func testMalformedFrontMatterYAML() throws {
        let site = try TestSite(["content/x.md": "---\ntitle: A\n  bad: [\n---\nBody\n"])
        let errors = site.buildErrors()
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors, ["content/x.md:3:6: a value holds \": \" (a colon and a space), which YAML reads as the start of another key"])
    }

    /// YAML's own words ("mapping values are not allowed in this context") say nothing to an
    /// editor: each mistake is said plainly, at its line, with what to write.
    func testYAMLMistakesInPlainWords() throws {
        let cases: [(String, String)] = [
            ("title: Cohort 12: sheet", "content/x.md:2:17: a value holds \": \" (a colon and a space), which YAML reads as the start of another key"),
            ("title: \"Cohort 12", "content/x.md:2:8: a quoted value is never closed: the quote opened here has no partner"),
            ("title: @home", "content/x.md:2:8: a value starts with a character YAML keeps for itself (@, ` or %)"),
            ("title: X\ndescription: - one", "content/x.md:3:14: a \"- \" list item stands where a single value is expected"),
            ("title: X\n description: y\nother: z", "content/x.md:3:13: a value holds \": \" (a colon and a space), which YAML reads as the start of another key"),
            ("title: X\ndescription: *Online", "content/x.md:3:14: a value starts with \"*\", which YAML reads as a reference to a name defined elsewhere"),
        ]
        for (yaml, expected) in cases {
            let site = try TestSite(["content/x.md": "---\n\(yaml)\n---\nBody\n"])
            let failure = try XCTUnwrap(site.failure(), yaml)
            XCTAssertEqual(failure.errors.map { "\($0.location): \($0.message)" }, [expected], yaml)
            XCTAssertFalse(failure.errors[0].fix.isEmpty, yaml)
        }
    }

    func testMalformedSiteYML() throws {
        let site = try TestSite(["site.yml": "title: x\ncohort: [\n"])
        let errors = site.buildErrors()
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].hasPrefix("site.yml:3:"), errors[0])
    }

    func testUnclosedFrontMatter() throws {
        let site = try TestSite(["content/x.md": "---\ntitle: A\n\nBody\n"])
        XCTAssertEqual(site.buildErrors(), [#"content/x.md:1:1: the front matter opened by "---" on line 1 is never closed"#])
    }

    func testUnknownFrontMatterKeySuggestsTheNearest() throws {
        let site = try TestSite(["content/x.md": "---\ntitle: A\ndescripton: B\n---\n"])
        let failure = try XCTUnwrap(site.failure())
        XCTAssertEqual(failure.errors.map(\.description), [
            "content/x.md:3:1: error: unknown key \"descripton\" in the front matter\n    fix: did you mean \"description\"?",
        ])
    }

    func testUnknownSiteKeyAndMissingCohortFacts() throws {
        let site = try TestSite(["site.yml": "title: T\nlangauge: en-GB\ncohort:\n  number: eleven\n  year1: 2026\n"])
        XCTAssertEqual(site.buildErrors(), [
            "site.yml:2:1: unknown key \"langauge\" in site.yml",
            "site.yml:3:1: \"cohort\" has no \"applications_open\"",
            "site.yml:3:1: \"cohort\" has no \"applications_close\"",
            "site.yml:4:11: \"number\" must be a whole number, found \"eleven\"",
            "site.yml:5:10: \"year1\" must be an academic year such as \"2026/27\", found \"2026\"",
        ].sorted { SourceLocationOrder.less($0, $1) })
    }

    func testImpossibleDateInProse() throws {
        let site = try TestSite(["content/x.md": "---\ntitle: X\n---\n\nThe event is on\nthe 31 February 2026.\n"])
        XCTAssertEqual(site.buildErrors(), [#"content/x.md:6:5: impossible date "31 February 2026": February 2026 has 28 days"#])
    }

    func testImpossibleDateInSiteYML() throws {
        let yml = TestSite.siteYML.replacingOccurrences(of: "23 April 2026", with: "31 April 2026")
        let site = try TestSite(["site.yml": yml])
        XCTAssertEqual(site.buildErrors(), [#"site.yml:8:23: impossible date "31 April 2026": April 2026 has 30 days"#])
    }

    func testWindowThatClosesBeforeItOpens() throws {
        let yml = TestSite.siteYML.replacingOccurrences(of: "23 April 2026", with: "23 April 2025")
        let site = try TestSite(["site.yml": yml])
        XCTAssertEqual(site.buildErrors(), ["site.yml:8:23: applications close (23 April 2025) before they open (16 December 2025)"])
    }

    func testMissingCriteriaLists() throws {
        let site = try TestSite(["content/index.md": "---\ntitle: Sheet\n---\n\n## Who should apply?\n\nAnyone.\n"])
        XCTAssertEqual(site.buildErrors(), ["content/index.md:4:1: the information sheet has no criteria lists"])
    }

    func testCriteriaHeadingWithoutList() throws {
        let sheet = TestSite.sheet.replacingOccurrences(of: "### Desirable\n\n-\n- Subject leader\n", with: "### Desirable\n\nNone.\n")
        let site = try TestSite(["content/index.md": sheet])
        XCTAssertEqual(site.buildErrors(), ["content/index.md:17:1: the \"### Desirable\" heading is not followed by a list"])
    }

    func testEssentialWithoutDesirable() throws {
        let sheet = TestSite.sheet.replacingOccurrences(of: "### Desirable\n\n-\n- Subject leader\n", with: "")
        let site = try TestSite(["content/index.md": sheet])
        XCTAssertEqual(site.buildErrors(), ["content/index.md:12:1: a \"### Essential\" list without a \"### Desirable\" list"])
    }

    func testTemplateSyntaxError() throws {
        let site = try TestSite.real(["templates/page.mustache": "{{<base}}\n{{$main}}\n{{#page.title}}<h1>x</h1>\n{{/main}}{{/base}}\n",
                                 "content/x.md": "---\ntitle: X\n---\n"])
        let errors = site.buildErrors()
        XCTAssertEqual(errors, [
            "templates/page.mustache:4:1: {{/main}} does not close the section open here: \"page.title\", opened at line 3, column 1",
        ])
        let fix = site.failure()?.errors.first?.fix
        XCTAssertEqual(fix, "close \"page.title\" first, with {{/page.title}} before this tag: sections close innermost first")
    }

    func testTemplateNamesAreCheckedAgainstTheContext() throws {
        let site = try TestSite.real([
            "templates/hub.mustache": "{{<base}}{{$main}}\n<h1>{{hub.nmae}}</h1>\n{{#hub.dates}}{{titel}} {{date.text}}{{/hub.dates}}\n{{> partials/x}}{{/main}}{{/base}}\n",
            "templates/partials/x.mustache": "{{#hub}}{{region}} {{cohort.number}} {{regoin}}{{/hub}}\n",
            "content/hubs/a.md": "---\nname: A Hub\nregion: London\n---\n",
        ])
        let failure = try XCTUnwrap(site.failure())
        XCTAssertEqual(failure.errors.map { "\($0.location): \($0.message) [\($0.fix)]" }, [
            "templates/hub.mustache:2:5: unknown variable \"{{hub.nmae}}\": \"hub\" has no \"nmae\", so it would show nothing [did you mean \"{{hub.name}}\"? (see docs/EDITING.md: templates)]",
            "templates/hub.mustache:3:15: unknown variable \"{{titel}}\": neither the sections open here nor the page have \"titel\", so it would show nothing [did you mean \"{{title}}\"? (see docs/EDITING.md: templates)]",
            "templates/partials/x.mustache:1:38: unknown variable \"{{regoin}}\": neither the sections open here nor the page have \"regoin\", so it would show nothing [did you mean \"{{region}}\"? (see docs/EDITING.md: templates)]",
        ])
        // serve says the same: the preview builds with the same stages.
        XCTAssertThrowsError(try SiteBuilder(source: site.folder, settings: BuildSettings(includeDrafts: true)).render())
    }

    func testMissingPartialAndMissingTemplate() throws {
        let site = try TestSite.real([
            "templates/page.mustache": "{{<base}}{{$main}}\n  {{> partials/sidebar}}{{/main}}{{/base}}\n",
            "content/x.md": "---\ntitle: X\ntemplate: pgae\n---\n",
        ])
        let failure = try XCTUnwrap(site.failure())
        XCTAssertEqual(failure.errors.map(\.description), [
            "content/x.md:3:11: error: there is no template \"pgae\" (templates/pgae.mustache)\n    fix: did you mean \"page\"?",
            "templates/page.mustache:2:3: error: template \"page\" uses the partial \"partials/sidebar\", but templates/partials/sidebar.mustache does not exist\n    fix: create templates/partials/sidebar.mustache or correct the name",
        ])
    }

    /// A file of templates/assets that cannot be read would be missing from the site: an error, not dropped.
    func testAnUnreadableTemplateAssetIsAnError() throws {
        let site = try TestSite(["templates/assets/print.css": "body { color: black }\n"])
        chmod(site.folder.appendingPathComponent("templates/assets/print.css").path, 0)
        let result = try HubsiteBinary.run(["build"], in: site.folder, prefix: HubsiteBinary.asEditor(owning: site.folder))
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, """
            templates/assets/print.css:1:1: error: you may not read this file (permission denied)
                fix: check the file's permissions: chmod a+r FILE
            build failed: 1 error; public/ was left as it was

            """)
    }

    func testFileThatIsNotUTF8() throws {
        let site = try TestSite([:])
        try site.write(Data("---\ntitle: Caf".utf8) + Data([0xE9]) + Data("\n---\n".utf8), to: "content/cafe.md")
        let errors = site.buildErrors()
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].hasPrefix("content/cafe.md:2:11: the file is not UTF-8 text"), errors[0])
    }

    func testAFileSavedAsUTF16SaysSoWithOrWithoutAByteOrderMark() throws {
        let site = try TestSite([:])
        let text = "---\ntitle: Caf\u{E9}\n---\n\nText.\n"
        try site.write(Data(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), to: "content/little.md")
        try site.write(Data(text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }), to: "content/big.md")
        try site.write(Data([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), to: "content/marked.md")
        let message = "the file is saved as UTF-16 text; hubsite reads UTF-8"
        XCTAssertEqual(site.buildErrors(), ["content/big.md:1:1: \(message)", "content/little.md:1:1: \(message)", "content/marked.md:1:1: \(message)"])
        XCTAssertEqual(site.failure()?.errors.first?.fix, "save the file as UTF-8 in your editor (\"Save with encoding\" → UTF-8)")
    }

    func testATabInIndentationSaysToIndentWithSpaces() throws {
        let site = try TestSite([
            "site.yml": TestSite.siteYML.replacingOccurrences(of: "  number: 11", with: "\tnumber: 11"),
            "content/hubs/a.md": "---\nname: A Maths Hub\nregion: London\nareas:\n  - Camden\n\t- Barnet\n---\n",
        ])
        let failure = try XCTUnwrap(site.failure())
        XCTAssertEqual(failure.errors.map { "\($0.location): \($0.message)" }, [
            "site.yml:4:1: this line is indented with a tab, and YAML allows only spaces there",
        ], "without site.yml no page is read")
        XCTAssertEqual(failure.errors.first?.fix, "indent with spaces: replace the tab with two spaces (editors have a setting to insert spaces for Tab)")
        try site.write(TestSite.siteYML, to: "site.yml")
        XCTAssertEqual(site.buildErrors(), ["content/hubs/a.md:6:1: this line is indented with a tab, and YAML allows only spaces there"])
    }

    func testBadPageNameCannotLeaveTheOutput() throws {
        let site = try TestSite(["content/My Page.md": "---\ntitle: X\n---\n"])
        XCTAssertEqual(site.buildErrors(), [#"content/My Page.md:1:1: "My Page" is not a valid page name: page names are lower-case letters, digits and hyphens"#])
    }

    func testUnknownVariable() throws {
        let site = try TestSite(["content/x.md": "---\ntitle: X\n---\n\nCohort {{cohort.numbr}}.\n"])
        let failure = try XCTUnwrap(site.failure())
        XCTAssertEqual(failure.errors.map(\.description), [
            "content/x.md:5:8: error: unknown variable \"{{cohort.numbr}}\"\n    fix: did you mean \"cohort.number\"?",
        ])
    }

    func testEveryErrorOfABuildIsReportedTogether() throws {
        let site = try TestSite([
            "content/a.md": "---\ntitle: A\ncolour: red\n---\n\n31 February 2026\n",
            "content/b.md": "---\ntitle: B\n",
            "templates/404.mustache": "{{#oops}}\n",
        ])
        let errors = site.buildErrors()
        XCTAssertEqual(errors.map { String($0.prefix(while: { $0 != " " })) }, [
            "content/a.md:3:1:", "content/a.md:6:1:", "content/b.md:1:1:", "templates/404.mustache:1:1:",
        ], "\(errors)")
    }

    func testFailedBuildLeavesPreviousOutputUntouched() throws {
        let site = try TestSite()
        try site.build()
        let before = try snapshot(site.output)
        try site.write("---\ntitle: Broken\n", to: "content/broken.md")
        _ = site.failure()
        XCTAssertEqual(try snapshot(site.output), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.folder.path).filter { $0.hasPrefix(".public") }
        XCTAssertEqual(leftovers, [], "no staging folder is left behind")
    }

    func testRefusesToReplaceAFolderThatIsNotASite() throws {
        let site = try TestSite()
        try site.write("precious", to: "public/notes.txt")
        let failure = try XCTUnwrap(site.failure())
        XCTAssertTrue(failure.errors[0].message.contains("was not made by hubsite (it has no .hubsite-output file)"), "\(failure)")
        XCTAssertEqual(try String(contentsOf: site.output.appendingPathComponent("notes.txt"), encoding: .utf8), "precious")
        XCTAssertThrowsError(try site.builder.build(into: site.folder))
    }

    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for url in FileTree.files(under: folder) {
            files[FileTree.relativePath(of: url, in: folder)] = try Data(contentsOf: url)
        }
        return files
    }
}

/// Sorts "file:line:col: message" strings the way diagnostics are sorted: by place.
enum SourceLocationOrder {
    static func less(_ a: String, _ b: String) -> Bool { key(a) < key(b) }

    private static func key(_ s: String) -> (String, Int, Int, String) {
        let parts = s.split(separator: ":", maxSplits: 3).map(String.init)
        return (parts[0], Int(parts[1]) ?? 0, Int(parts[2]) ?? 0, parts.count > 3 ? parts[3] : "")
    }
}
