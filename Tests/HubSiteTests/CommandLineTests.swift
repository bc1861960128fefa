import Foundation
import XCTest

/// The built `hubsite` binary, run as an editor runs it: exit codes and what it prints.
final class CommandLineTests: XCTestCase {
    private func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        // The test bundle sits beside the built products (on Linux it may be the products folder itself).
        let bundle = Bundle(for: Self.self).bundleURL
        let binary = [bundle.appendingPathComponent("hubsite"), bundle.deletingLastPathComponent().appendingPathComponent("hubsite")]
            .first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? bundle
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    func testBuildSucceedsAndSaysWhatItWrote() throws {
        let site = try TestSite()
        let result = try run(["build"], in: site.folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "built 3 pages, 8 files into public/\n")
        XCTAssertTrue(site.exists("index.html"))
    }

    func testBuildWithSourceAndOutputOptions() throws {
        let site = try TestSite()
        let elsewhere = site.folder.appendingPathComponent("out/site")
        let result = try run(["build", "--source", site.folder.path, "--output", elsewhere.path], in: URL(fileURLWithPath: "/"))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("index.html").path))
    }

    func testFailedBuildPrintsEveryErrorAndExitsNonZero() throws {
        let site = try TestSite(["content/x.md": "---\ntitle: X\ntitel: Y\n---\n\n30 February 2026\n"])
        let result = try run(["build"], in: site.folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, """
            content/x.md:3:1: error: unknown key "titel" in the front matter
                fix: did you mean "title"?
            content/x.md:6:1: error: impossible date "30 February 2026": February 2026 has 28 days
                fix: check the day and the month
            build failed: 2 errors; public/ was left as it was

            """)
        XCTAssertFalse(site.exists("index.html"))
    }

    func testMissingSiteFolderIsExplained() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("hubsite-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let result = try run(["build"], in: empty)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("site.yml:1:1: error: site.yml not found in "), result.stderr)
        XCTAssertTrue(result.stderr.contains("fix: run hubsite in the site's folder, or pass it with --source DIR"))
    }
}
