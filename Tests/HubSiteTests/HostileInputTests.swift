#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest
@testable import HubSite

/// Input from a bad day or a bad actor: each gives a clear error or a correct page, in bounded
/// time and memory, and the previous public/ survives.
final class HostileInputTests: XCTestCase {
    func testYAMLAliasBombIsRefused() throws {
        var yaml = "title: Bomb\nbomb:\n  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "  \(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        let site = try TestSite(["content/bomb.md": "---\n\(yaml)---\n"])
        let errors = site.buildErrors()
        XCTAssertEqual(errors, ["content/bomb.md:2:1: this YAML expands to more than 100000 values (aliases that repeat other aliases?)"])
    }

    func testTenThousandDeepListsAndQuotesBuild() throws {
        let lists = String(repeating: "- ", count: 10_000) + "deep\n"
        let quotes = String(repeating: ">", count: 10_000) + " deep\n"
        let site = try TestSite(["content/deep.md": "---\ntitle: Deep\n---\n\n\(lists)\n\(quotes)"])
        try site.build()
        try site.assertFile("deep/index.html", contains: "deep</li>", "<blockquote>")
        let page = try site.read("deep/index.html")
        XCTAssertGreaterThanOrEqual(page.components(separatedBy: "<ul>").count - 1, 10_000, "every level of the list is kept")
        XCTAssertGreaterThanOrEqual(page.components(separatedBy: "<blockquote>").count - 1, 10_000, "every level of the quote is kept")
    }

    func testAMegabyteLongLineBuilds() throws {
        let line = String(repeating: "word *emphasis* [link](https://example.org/) 16 December 2025 ", count: 20_000)
        let site = try TestSite(["content/long.md": "---\ntitle: Long\n---\n\n\(line)\n"])
        try site.build()
        XCTAssertGreaterThan(try site.read("long/index.html").utf8.count, 1_000_000)
    }

    /// Sizes that took minutes while the work grew with the square of the input: each of these
    /// builds in about a second when it grows in step with it.
    func testInputsThatWereQuadraticBuildInLinearTime() throws {
        let site = try TestSite([
            // 120 KB of tags the file ends inside: each "<" read the rest of the file (45 s).
            "content/tags.html": String(repeating: "<a ", count: 40_000),
            // 40,000 headings of one text: each new id counted up from -1 (over 2 minutes).
            "content/headings.md": "---\ntitle: Headings\n---\n\n" + String(repeating: "## Same\n\n", count: 40_000),
            // 200,000 variables: Foundation's search copied the rest of the text at each (32 s).
            "content/variables.md": "---\ntitle: Variables\n---\n\n" + String(repeating: "{{cohort.number}} ", count: 200_000),
        ])
        let result = try site.build()
        try site.assertFile("headings/index.html", contains: #"id="same-39999""#)
        try site.assertFile("variables/index.html", contains: "11 11 11")
        XCTAssertTrue(site.exists("tags.html"))
        XCTAssertEqual(result.warnings.filter { $0.severity == .error }, [])
    }

    func testSymlinksInContentAreReportedNotFollowed() throws {
        let site = try TestSite()
        let content = site.folder.appendingPathComponent("content")
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("outside.md").path, withDestinationPath: "/etc/hostname")
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("loop").path, withDestinationPath: content.appendingPathComponent("loop").path)
        XCTAssertEqual(site.buildErrors(), [
            "content/loop:1:1: this is a symbolic link; hubsite does not follow links, which could lead outside the site's folder",
            "content/outside.md:1:1: this is a symbolic link; hubsite does not follow links, which could lead outside the site's folder",
        ])
    }

    func testAnOutputPathThatCannotBeAFolderFailsCleanly() throws {
        let site = try TestSite()
        try site.write("a file, not a folder", to: "blocker")
        XCTAssertThrowsError(try site.builder.build(into: site.folder.appendingPathComponent("blocker/public"))) { error in
            XCTAssertTrue((error as? BuildFailure)?.errors.first?.message.hasPrefix("cannot create ") == true, "\(error)")
        }
    }

    func testAFullDiskLeavesThePreviousSiteIntact() throws {
        let site = try TestSite(["content/big.md": "---\ntitle: Big\n---\n\n" + String(repeating: "Some text to fill the disk. ", count: 20_000) + "\n"])
        let disk = site.folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        guard mount("tmpfs", disk.path, "tmpfs", 0, "size=256k") == 0 else {
            throw XCTSkip("mounting a small tmpfs needs root (\(String(cString: strerror(errno))))")
        }
        defer { umount(disk.path) }
        let output = disk.appendingPathComponent("public")
        // A previous, small site that fits.
        let small = try TestSite()
        try small.builder.build(into: output)
        let before = try Data(contentsOf: output.appendingPathComponent("index.html"))
        XCTAssertThrowsError(try site.builder.build(into: output)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("No space left on device"), text)
        }
        XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent("index.html")), before, "the previous site is intact")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: disk.path), ["public"], "no staging folder is left")
    }

    func testAFileReplacedByAFolderIsReported() throws {
        // A folder named like a page is only a folder; one that replaced a listed file is reported.
        let site = try TestSite(["content/folder.md/inside.txt": "x"])
        let built = try site.build()
        XCTAssertEqual(built.warnings.map(\.message), [], "a folder is not a page, so nothing is wrong")
        XCTAssertFalse(site.exists("folder/index.html"))
        let bytes = SourceFile.readBytes(atPath: site.folder.appendingPathComponent("content/folder.md").path)
        guard case .failure(let problem) = bytes else { return XCTFail("a folder was read as a file") }
        XCTAssertEqual(problem.message, "this is no longer a file (it was replaced by a folder during the build)")
    }

    func testReadingAFileThatGrowsGetsAllOfIt() throws {
        // The size read first is only a guess: a file that is longer than it said when the read began
        // (one being saved, or one like /proc's, which all say 0 bytes) is read to its end.
        let path = "/proc/self/cmdline"
        let whole = try XCTUnwrap(FileManager.default.contents(atPath: path))
        XCTAssertGreaterThan(whole.count, 1)
        guard case .success(let bytes) = SourceFile.readBytes(atPath: path) else { return XCTFail("not read") }
        XCTAssertEqual(bytes, [UInt8](whole))
    }
}
