import Foundation
import XCTest

/// Broken sites as fixtures, each with exactly what `hubsite build` prints for it, as Zola keeps
/// `test_sites_invalid/`. A case is a folder of `Tests/Fixtures/invalid-sites/`: the files it puts
/// over the small test site (TestSite), and `expected.txt`, the build's whole error output.
final class InvalidSitesTests: XCTestCase {
    static let cases = TestSite.repository.appendingPathComponent("Tests/Fixtures/invalid-sites")

    func testEachBrokenSitePrintsExactlyItsMessages() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.cases.path).filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 10)
        for name in names {
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
            XCTAssertEqual(result.status, 1, "\(name): the build must fail")
            XCTAssertFalse(site.exists("index.html"), "\(name): a failed build writes nothing")
            let expectedFile = folder.appendingPathComponent("expected.txt")
            guard let expected = try? String(contentsOf: expectedFile, encoding: .utf8) else {
                // A new case: its output is written for review, and the test fails until it is committed.
                if ProcessInfo.processInfo.environment["HUBSITE_WRITE_EXPECTED"] == "1" {
                    try Data(result.stderr.utf8).write(to: expectedFile)
                }
                XCTFail("\(name): no expected.txt; the build printed:\n\(result.stderr)")
                continue
            }
            XCTAssertEqual(result.stderr, expected, name)
        }
    }
}
