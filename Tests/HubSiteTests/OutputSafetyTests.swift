#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest
@testable import HubSite

/// A build replaces its output folder whole, so it must never replace anything else, and the
/// folder must be the old site or the new one at every instant, whatever kills the process.
final class OutputSafetyTests: XCTestCase {
    // MARK: - Folders hubsite did not make

    func testAFolderWithSomeoneElsesIndexHtmlIsRefusedAndKeptWhole() throws {
        let site = try TestSite()
        let thesis = site.folder.appendingPathComponent("thesis")
        try site.write("<h1>My thesis</h1>", to: "thesis/index.html")
        try site.write("chapter one", to: "thesis/thesis.docx")
        let before = try snapshot(thesis)
        let result = try HubsiteBinary.run(["build", "--output", "thesis"], in: site.folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, """
            thesis/:1:1: error: thesis/ is not empty and was not made by hubsite (it has no .hubsite-output file), so a build will not replace it
                fix: choose a new or empty folder with --output, or empty this one yourself if nothing in it is needed
            build failed: 1 error; thesis/ was left as it was

            """)
        XCTAssertEqual(try snapshot(thesis), before)
    }

    func testAnEmptyFolderOrANewOneIsFine() throws {
        let site = try TestSite()
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try site.build()
        XCTAssertTrue(site.exists("index.html"))
        XCTAssertEqual(try String(contentsOf: site.output.appendingPathComponent(".hubsite-output"), encoding: .utf8).split(separator: "\n").first,
                       "hubsite output folder, format 1")
        try site.build()
    }

    func testOutputInsideTheSourcesIsRefused() throws {
        let site = try TestSite(["content/legacy/old.md": "---\ntitle: Old\n---\n\nKept.\n"])
        let before = try snapshot(site.folder)
        for (output, message) in [
            ("content/legacy", "content/legacy/:1:1: error: the output folder content/legacy/ is inside the site's content/ folder, whose files a build would replace"),
            ("content", "content/:1:1: error: the output folder content/ is inside the site's content/ folder, whose files a build would replace"),
            ("templates/out", "templates/out/:1:1: error: the output folder templates/out/ is inside the site's templates/ folder, whose files a build would replace"),
            (".", "./:1:1: error: the output folder ./ holds the site's sources, and a build replaces its output folder whole"),
            ("..", "../:1:1: error: the output folder ../ holds the site's sources, and a build replaces its output folder whole"),
            ("/", "/:1:1: error: the output folder / holds the site's sources, and a build replaces its output folder whole"),
        ] {
            let result = try HubsiteBinary.run(["build", "--output", output], in: site.folder)
            XCTAssertEqual(result.status, 1, output)
            XCTAssertEqual(result.stderr.split(separator: "\n").first.map(String.init), message)
        }
        XCTAssertEqual(try snapshot(site.folder), before, "no source file was touched")
    }

    func testASymlinkedOutputFolderIsRefused() throws {
        let site = try TestSite()
        try site.build()
        let elsewhere = site.folder.appendingPathComponent("real-public")
        try FileManager.default.moveItem(at: site.output, to: elsewhere)
        try FileManager.default.createSymbolicLink(at: site.output, withDestinationURL: elsewhere)
        let result = try HubsiteBinary.run(["build"], in: site.folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("public/:1:1: error: the output folder public/ is a symbolic link"), result.stderr)
    }

    // MARK: - Paths as every command-line tool reads them

    func testOutputIsRelativeToTheCurrentFolderAndMessagesShowThePathUsed() throws {
        let site = try TestSite()
        let parent = site.folder.deletingLastPathComponent()
        let name = site.folder.lastPathComponent
        let result = try HubsiteBinary.run(["build", "--source", name, "--output", "\(name)/out"], in: parent)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "built 3 pages, 10 files into \(name)/out/\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.folder.appendingPathComponent("out/index.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.folder.appendingPathComponent(name).path), "not \(name)/\(name)/out")
    }

    func testWithoutOutputTheSiteGoesToPublicInTheSourceFolder() throws {
        let site = try TestSite()
        let result = try HubsiteBinary.run(["build", "--source", site.folder.lastPathComponent], in: site.folder.deletingLastPathComponent())
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "built 3 pages, 10 files into \(site.folder.lastPathComponent)/public/\n")
        XCTAssertTrue(site.exists("index.html"))
    }

    // MARK: - Killed at the worst moment

    /// The swap is one system call: killed just before it, the old site stays; just after, the new one is in place.
    func testKilledAroundTheSwapTheOutputFolderIsNeverMissing() throws {
        for moment in ["delay_enter", "delay_exit"] {
            let site = try TestSite()
            try site.build()
            let old = try site.read("index.html")
            try site.write(TestSite.sheet.replacingOccurrences(of: "## Overview", with: "## A new overview"), to: "content/index.md")
            let strace = try HubsiteBinary.strace()
            let build = HubsiteBinary.start(["build"], in: site.folder,
                                            prefix: [strace, "-f", "-qq", "-o", "/dev/null", "-e", "trace=renameat2", "-e", "inject=renameat2:\(moment)=20000000:when=1"])
            try build.run()
            try waitUntil("the build reaches the swap") {
                moment == "delay_enter" ? self.stagingHoldsMarker(site) : ((try? site.read("index.html")) ?? old) != old
            }
            usleep(200_000)
            try killHubsite(try buildProcess(site), tracedBy: build)
            let now = try site.read("index.html")
            XCTAssertTrue(now.contains(moment == "delay_enter" ? "Overview" : "A new overview"), moment)
            XCTAssertEqual(now == old, moment == "delay_enter", moment)
            // The next build clears what the killed one left, and says so.
            let next = try HubsiteBinary.run(["build"], in: site.folder)
            XCTAssertEqual(next.status, 0, next.stderr)
            XCTAssertTrue(next.stderr.contains("warning: removed .public."), "\(moment): \(next.stderr)")
            XCTAssertEqual(try leftovers(site), [])
        }
    }

    /// Where the file system cannot swap in one step, the two renames leave a moment without the
    /// folder: killed there, the next build puts the previous site back before anything else.
    func testKilledBetweenTheTwoRenamesThePreviousSiteIsPutBack() throws {
        let site = try TestSite()
        try site.build()
        let old = try snapshot(site.output)
        try site.write(TestSite.sheet.replacingOccurrences(of: "## Overview", with: "## A new overview"), to: "content/index.md")
        let strace = try HubsiteBinary.strace()
        let build = HubsiteBinary.start(["build"], in: site.folder, prefix: [
            strace, "-f", "-qq", "-o", "/dev/null", "-e", "trace=renameat2,rename",
            "-e", "inject=renameat2:error=EINVAL", "-e", "inject=rename:delay_enter=20000000:when=2",
        ])
        try build.run()
        try waitUntil("the first rename") { !site.exists("index.html") && (try? self.leftovers(site))?.contains { $0.hasPrefix(".public.old-") } == true }
        try killHubsite(try buildProcess(site), tracedBy: build)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path), "killed between the renames")
        // Even a build that fails puts the previous site back first.
        try site.write("---\ntitle: Broken\n", to: "content/broken.md")
        let next = try HubsiteBinary.run(["build"], in: site.folder)
        XCTAssertEqual(next.status, 1)
        XCTAssertTrue(next.stderr.contains("public/:1:1: warning: public/ was missing after an interrupted build; the previous site was put back from .public.old-"), next.stderr)
        XCTAssertEqual(try snapshot(site.output), old)
        XCTAssertEqual(try leftovers(site), [])
    }

    // MARK: - Two builds at once

    func testASecondBuildIntoTheSameFolderRefusesAndHarmsNeither() throws {
        let site = try TestSite()
        try site.build()
        try site.write(TestSite.sheet.replacingOccurrences(of: "## Overview", with: "## A new overview"), to: "content/index.md")
        let strace = try HubsiteBinary.strace()
        let first = HubsiteBinary.start(["build"], in: site.folder,
                                        prefix: [strace, "-f", "-qq", "-o", "/dev/null", "-e", "trace=renameat2", "-e", "inject=renameat2:delay_enter=2000000:when=1"])
        try first.run()
        try waitUntil("the first build reaches the swap") { self.stagingHoldsMarker(site) }
        let second = try HubsiteBinary.run(["build"], in: site.folder)
        XCTAssertEqual(second.status, 1)
        XCTAssertEqual(second.stderr.replacingOccurrences(of: #"process \d+"#, with: "process N", options: .regularExpression), """
            public/:1:1: error: another hubsite build (process N) is writing public/ right now
                fix: wait for it to finish, then build again; this build changed nothing
            build failed: 1 error; public/ was left as it was

            """)
        first.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 0)
        XCTAssertEqual(String(decoding: (first.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self), "")
        try site.assertFile("index.html", contains: "A new overview")
        XCTAssertEqual(try leftovers(site), [], "no staging folder and no lock file are left")
    }

    // MARK: - A read-only output folder

    func testAReadOnlyOutputFolderIsReplacedAndNothingIsLeftBeside() throws {
        let site = try TestSite()
        let asUser = HubsiteBinary.asEditor(owning: site.folder)
        XCTAssertEqual(try HubsiteBinary.run(["build"], in: site.folder, prefix: asUser).status, 0)
        chmod(site.output.path, 0o555)
        chmod(site.output.appendingPathComponent("hubs").path, 0o555)
        let again = try HubsiteBinary.run(["build"], in: site.folder, prefix: asUser)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stderr, "")
        XCTAssertEqual(try leftovers(site), [])
        // The read-only site is now the previous one: it cannot be written over, so it is not.
        let third = try HubsiteBinary.run(["build"], in: site.folder, prefix: asUser)
        XCTAssertEqual(third.status, 0, third.stderr)
        XCTAssertEqual(third.stderr, "")
        XCTAssertEqual(try leftovers(site), [])
    }

    // MARK: - The previous site, written over by the next build

    /// A rebuild rewrites the files of the site before last in place (the same inodes), so that
    /// it makes and deletes no files; what the new site no longer has is gone from it.
    func testARebuildWritesOverThePreviousSiteAndKeepsNothingStale() throws {
        let site = try TestSite(["content/extra.md": "---\ntitle: Extra\n---\n\nWords.\n"])
        try site.build()
        let first = try inode(site.output.appendingPathComponent("index.html"))
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("content/extra.md"))
        try site.write(TestSite.sheet.replacingOccurrences(of: "## Overview", with: "## A new overview"), to: "content/index.md")
        try site.build()
        try site.write("a file an editor put in public/", to: "public/notes.txt")
        try site.build()
        XCTAssertEqual(try inode(site.output.appendingPathComponent("index.html")), first, "written over, not made anew")
        try site.assertFile("index.html", contains: "A new overview")
        XCTAssertFalse(site.exists("extra/index.html"))
        XCTAssertFalse(site.exists("extra"), "a folder left empty goes too")
        // The file added to public/ is in the previous site now, and the build after goes without it.
        XCTAssertFalse(site.exists("notes.txt"))
        try site.build()
        XCTAssertFalse(site.exists("notes.txt"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.folder.appendingPathComponent(".public.previous/notes.txt").path))
    }

    /// A link in the previous site to a file elsewhere, symbolic or hard, is never written
    /// through: the file it leads to keeps what it held.
    func testARebuildNeverWritesThroughALinkInThePreviousSite() throws {
        let site = try TestSite()
        try site.build()
        try site.build()
        let previous = site.folder.appendingPathComponent(".public.previous")
        let kept = site.folder.appendingPathComponent("kept.txt"), linked = site.folder.appendingPathComponent("linked.txt")
        try Data("the editor's own words\n".utf8).write(to: kept)
        try Data("linked twice\n".utf8).write(to: linked)
        try FileManager.default.removeItem(at: previous.appendingPathComponent("index.html"))
        try FileManager.default.createSymbolicLink(at: previous.appendingPathComponent("index.html"), withDestinationURL: kept)
        try FileManager.default.removeItem(at: previous.appendingPathComponent("hubs/index.html"))
        try FileManager.default.linkItem(at: linked, to: previous.appendingPathComponent("hubs/index.html"))
        try site.build()
        XCTAssertEqual(try String(contentsOf: kept, encoding: .utf8), "the editor's own words\n")
        XCTAssertEqual(try String(contentsOf: linked, encoding: .utf8), "linked twice\n")
        try site.assertFile("index.html", contains: "Overview")
        try site.assertFile("hubs/index.html", contains: "<h1")
    }

    // MARK: - Helpers

    private func inode(_ file: URL) throws -> UInt64 {
        var status = stat()
        guard lstat(file.path, &status) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return UInt64(status.st_ino)
    }

    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    /// What hubsite keeps beside public/ once a build is over: nothing but the previous site,
    /// which the next build writes over (see the tests of `.public.previous` above).
    private func leftovers(_ site: TestSite) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.folder.path).filter { $0.hasPrefix(".public") && $0 != ".public.previous" }.sorted()
    }

    private func stagingHoldsMarker(_ site: TestSite) -> Bool {
        ((try? leftovers(site)) ?? []).contains { name in
            name.hasPrefix(".public.staging-")
                && FileManager.default.fileExists(atPath: site.folder.appendingPathComponent(name).appendingPathComponent(".hubsite-output").path)
        }
    }

    /// Kills the build where strace holds it. strace goes too, once hubsite is dead: it would
    /// sleep out its delay, and a tracer that dies first lets its tracee run on.
    private func killHubsite(_ hubsite: pid_t, tracedBy strace: Process) throws {
        kill(hubsite, SIGKILL)
        try waitUntil("hubsite dies") {
            guard let stat = try? String(contentsOfFile: "/proc/\(hubsite)/stat", encoding: .utf8) else { return true }
            return stat.contains(") Z ") || stat.contains(") X ")
        }
        kill(strace.processIdentifier, SIGKILL)
        strace.waitUntilExit()
    }

    /// The build's process, named by the folders it keeps beside public/ (strace may have other children).
    private func buildProcess(_ site: TestSite) throws -> pid_t {
        let names = try leftovers(site).filter { $0.hasPrefix(".public.staging-") || $0.hasPrefix(".public.old-") }
        return try XCTUnwrap(names.first.flatMap { pid_t($0.split(separator: "-").last ?? "") })
    }

    private func waitUntil(_ what: String, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(30)
        while !condition() {
            guard Date() < deadline else {
                XCTFail("timed out waiting for \(what)")
                throw CocoaError(.userCancelled)
            }
            usleep(5_000)
        }
    }
}
