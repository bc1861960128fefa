import Foundation
import XCTest

/// Broken sites as fixtures, each with exactly what `hubsite build` prints for it, as Zola keeps
/// `test_sites_invalid/`. A case is a folder of `Tests/Fixtures/invalid-sites/`: the files it puts
/// over the small test site (TestSite), and `expected.txt`, the build's whole error output. Each
/// case is a test of its own, so that one can be run by name
/// (`swift test --filter InvalidSitesTests/testBrokenLink`).
final class InvalidSitesTests: XCTestCase {
    static let cases = TestSite.repository.appendingPathComponent("Tests/Fixtures/invalid-sites")

    /// Every case below, by folder: a folder without a test method fails `testEveryCaseHasItsTest`.
    static let names = [
        "alias-taken",
        "broken-link",
        "heading-skipped",
        "hub-contacts-and-documents",
        "hub-unknown-region",
        "missing-partial",
        "misspelt-key",
        "no-criteria",
        "tab-in-site-yml",
        "template-close-mismatch",
        "template-unknown-variable",
        "unclosed-front-matter",
        "unknown-variable",
        "wrong-dates",
        "yaml-colon-in-value",
    ]

    func testAliasTaken() throws { try check("alias-taken") }
    func testBrokenLink() throws { try check("broken-link") }
    func testHeadingSkipped() throws { try check("heading-skipped") }
    func testHubContactsAndDocuments() throws { try check("hub-contacts-and-documents") }
    func testHubUnknownRegion() throws { try check("hub-unknown-region") }
    func testMissingPartial() throws { try check("missing-partial") }
    func testMisspeltKey() throws { try check("misspelt-key") }
    func testNoCriteria() throws { try check("no-criteria") }
    func testTabInSiteYml() throws { try check("tab-in-site-yml") }
    func testTemplateCloseMismatch() throws { try check("template-close-mismatch") }
    func testTemplateUnknownVariable() throws { try check("template-unknown-variable") }
    func testUnclosedFrontMatter() throws { try check("unclosed-front-matter") }
    func testUnknownVariable() throws { try check("unknown-variable") }
    func testWrongDates() throws { try check("wrong-dates") }
    func testYamlColonInValue() throws { try check("yaml-colon-in-value") }

    func testEveryCaseHasItsTest() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.cases.path).filter { !$0.hasPrefix(".") && $0 != "README.md" }
        XCTAssertEqual(folders.sorted(), Self.names.sorted(), "add a test method for each new case")
    }

    private func check(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = Self.cases.appendingPathComponent(name)
        var files: [String: String?] = [:]
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] where path != "expected.txt" {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder),
                  !isFolder.boolValue else { continue }
            files[path] = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        }
        let site = try TestSite(files)
        let result = try HubsiteBinary.run(["build"], in: site.folder)
        XCTAssertEqual(result.status, 1, "\(name): the build must fail", file: file, line: line)
        XCTAssertFalse(site.exists("index.html"), "\(name): a failed build writes nothing", file: file, line: line)
        let expectedFile = folder.appendingPathComponent("expected.txt")
        guard let expected = try? String(contentsOf: expectedFile, encoding: .utf8) else {
            // A new case: its output is written for review, and the test fails until it is committed.
            if ProcessInfo.processInfo.environment["HUBSITE_WRITE_EXPECTED"] == "1" {
                try Data(result.stderr.utf8).write(to: expectedFile)
            }
            XCTFail("\(name): no expected.txt; the build printed:\n\(result.stderr)", file: file, line: line)
            return
        }
        XCTAssertEqual(result.stderr, expected, name, file: file, line: line)
    }
}
