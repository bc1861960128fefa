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
        XCTAssertEqual(result.stdout, "built 3 pages, 6 files into \(name)/out/\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.folder.appendingPathComponent("out/index.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.folder.appendingPathComponent(name).path), "not \(name)/\(name)/out")
    }

    func testWithoutOutputTheSiteGoesToPublicInTheSourceFolder() throws {
        let site = try TestSite()
        let result = try HubsiteBinary.run(["build", "--source", site.folder.lastPathComponent], in: site.folder.deletingLastPathComponent())
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "built 3 pages, 6 files into \(site.folder.lastPathComponent)/public/\n")
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
    }

    // MARK: - Nothing beside public/ is touched unless it is hubsite's

    /// Each build writes a new staging folder: a link named like the site before last, which
    /// earlier versions kept, is never written through, and public/ stays a real folder.
    func testALinkBesidePublicIsNeverWrittenThrough() throws {
        let site = try TestSite()
        try site.build()
        let elsewhere = site.folder.appendingPathComponent("elsewhere")
        try site.write("the editor's own words\n", to: "elsewhere/notes.txt")
        try FileManager.default.createSymbolicLink(at: site.folder.appendingPathComponent(".public.previous"), withDestinationURL: elsewhere)
        // A link with the very name of this build's staging folder stops the build, untouched.
        let staging = site.folder.appendingPathComponent(".public.staging-\(getpid())")
        try FileManager.default.createSymbolicLink(at: staging, withDestinationURL: elsewhere)
        XCTAssertThrowsError(try SiteBuilder(source: site.folder).build(into: site.output, display: "public/")) { error in
            XCTAssertEqual((error as? BuildFailure)?.errors.first?.message,
                           "cannot make the folder \(staging.path) to write the site in: something that is not hubsite's is in the way")
        }
        try FileManager.default.removeItem(at: staging)
        try site.build()
        try site.build()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), ["notes.txt"])
        XCTAssertEqual(try String(contentsOf: elsewhere.appendingPathComponent("notes.txt"), encoding: .utf8), "the editor's own words\n")
        var status = stat()
        XCTAssertEqual(lstat(site.output.path, &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFDIR, "public/ is a folder, not a link")
        try site.assertFile("index.html", contains: "Overview")
    }

    /// A leftover is removed only when its name is exactly hubsite's, with a process number,
    /// and it carries hubsite's marker: someone's backup beside public/ stays.
    func testOnlyHubsitesOwnLeftoversAreRemoved() throws {
        let site = try TestSite()
        try site.build()
        for name in [".public.old-backup-2025", ".public.staging-1234", ".public.old-12x", ".public.staging-"] {
            try site.write("keep me\n", to: "\(name)/thesis.txt")
        }
        try site.write("keep me too\n", to: ".public.old-99/.hubsite-output-notes")
        try site.write(OutputMarker.contents, to: ".public.staging-4321/.hubsite-output")
        try site.write("half a page", to: ".public.staging-4321/index.html")
        let result = try HubsiteBinary.run(["build"], in: site.folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "public/:1:1: warning: removed .public.staging-4321, left beside public/ by an interrupted build\n")
        XCTAssertEqual(try leftovers(site), [".public.old-12x", ".public.old-99", ".public.old-backup-2025", ".public.staging-", ".public.staging-1234"])
        for name in [".public.old-backup-2025", ".public.staging-1234", ".public.old-12x", ".public.staging-"] {
            XCTAssertEqual(try String(contentsOf: site.folder.appendingPathComponent("\(name)/thesis.txt"), encoding: .utf8), "keep me\n")
        }
    }

    /// A killed build's staging folder is half a site: it is removed, never put back as the site,
    /// even when public/ is missing and the build after fails.
    func testAStagingFolderIsNeverPutBackAsTheSite() throws {
        let site = try TestSite()
        try site.build()
        try FileManager.default.moveItem(at: site.output, to: site.folder.appendingPathComponent(".public.staging-777"))
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent(".public.staging-777/hubs"))
        try site.write("---\ntitle: Broken\n", to: "content/broken.md")
        let result = try HubsiteBinary.run(["build"], in: site.folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("public/:1:1: warning: removed .public.staging-777, left beside public/ by an interrupted build"), result.stderr)
        XCTAssertFalse(result.stderr.contains("put back"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path))
        XCTAssertEqual(try leftovers(site), [])
    }

    /// Another process that puts a link into the staging folder while the build writes it: the
    /// build never writes through it, and a folder holding it is never published.
    func testALinkPutIntoTheStagingFolderDuringTheBuildIsNeverWrittenThroughNorPublished() throws {
        for (name, message) in [("index.html", "cannot write index.html: File exists"),
                                ("elsewhere", "something other than this build put elsewhere into the folder it wrote the site in")] {
            let site = try TestSite()
            try site.build()
            let before = try snapshot(site.output)
            let victim = site.folder.appendingPathComponent("victim.txt")
            try Data("the editor's own words\n".utf8).write(to: victim)
            let strace = try HubsiteBinary.strace()
            // The staging folder is the build's first mkdir: held there, the link goes in first.
            let build = HubsiteBinary.start(["build"], in: site.folder, prefix: [
                strace, "-f", "-qq", "-o", "/dev/null", "-e", "trace=mkdir,mkdirat", "-e", "inject=mkdir,mkdirat:delay_exit=1500000:when=1"])
            try build.run()
            var staging: URL?
            try waitUntil("the staging folder") {
                staging = ((try? self.leftovers(site)) ?? []).first { $0.hasPrefix(".public.staging-") }.map { site.folder.appendingPathComponent($0) }
                return staging != nil
            }
            try FileManager.default.createSymbolicLink(at: try XCTUnwrap(staging).appendingPathComponent(name), withDestinationURL: victim)
            build.waitUntilExit()
            let stderr = String(decoding: (build.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            XCTAssertEqual(build.terminationStatus, 1, stderr)
            XCTAssertTrue(stderr.contains(message), stderr)
            XCTAssertEqual(try String(contentsOf: victim, encoding: .utf8), "the editor's own words\n")
            XCTAssertEqual(try snapshot(site.output), before, "public/ was left as it was")
            XCTAssertEqual(try leftovers(site), [])
        }
    }

    /// The lock file is never written through, and holds exactly the process number of the build.
    func testTheLockIsNeverWrittenThroughAndHoldsOnlyTheBuildsNumber() throws {
        let site = try TestSite()
        let victim = site.folder.appendingPathComponent("victim.txt")
        try Data("the editor's own words\n".utf8).write(to: victim)
        let lock = site.folder.appendingPathComponent(".public.lock")
        try FileManager.default.createSymbolicLink(at: lock, withDestinationURL: victim)
        let refused = try HubsiteBinary.run(["build"], in: site.folder)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.hasPrefix("public/:1:1: error: cannot use the lock file \(lock.path): it is not a plain file (a link, a folder or a device)\n"
                                               + "    fix: remove \(lock.path) (hubsite makes it anew)"), refused.stderr)
        XCTAssertEqual(try String(contentsOf: victim, encoding: .utf8), "the editor's own words\n")
        // A lock file left by a killed build with a longer process number is emptied first.
        try FileManager.default.removeItem(at: lock)
        try Data("4194300123\n".utf8).write(to: lock)
        let strace = try HubsiteBinary.strace()
        let build = HubsiteBinary.start(["build"], in: site.folder,
                                        prefix: [strace, "-f", "-qq", "-o", "/dev/null", "-e", "trace=renameat2,rename", "-e", "inject=renameat2,rename:delay_enter=1000000:when=1"])
        try build.run()
        try waitUntil("the build reaches the swap") { self.stagingHoldsMarker(site) && (try? String(contentsOf: lock, encoding: .utf8))?.hasPrefix("4194300123") == false }
        let written = try String(contentsOf: lock, encoding: .utf8)
        build.waitUntilExit()
        XCTAssertEqual(build.terminationStatus, 0)
        XCTAssertNotNil(written.wholeMatch(of: /[0-9]+\n/), written)
        XCTAssertEqual(try leftovers(site), [])
    }

    // MARK: - Output folders that cannot be renamed

    /// public/ as a mount point, or in the lower layer of overlayfs (a container image that
    /// holds the committed site): its contents are replaced, and the build says so in one line.
    func testAnOutputFolderThatCannotBeRenamedHasItsContentsReplaced() throws {
        let warning = "public/:1:1: warning: public/ cannot be renamed (a mount point or a container's lower layer), so its contents were replaced one by one, not in one step"
        // A mount point.
        let site = try TestSite()
        try site.build()
        try FileManager.default.removeItem(at: site.output)
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: false)
        try mount(["-t", "tmpfs", "-o", "size=20m", "tmpfs", site.output.path])
        defer { unmount(site.output) }
        for round in 1...2 {
            let result = try HubsiteBinary.run(["build"], in: site.folder)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stderr.hasPrefix(warning), "round \(round): \(result.stderr)")
            try site.assertFile("index.html", contains: "Overview")
            XCTAssertEqual(try leftovers(site), [])
        }
        // A lower layer of overlayfs.
        let layers = try TemporaryFolders.shared.make("hubsite-overlay")
        let lower = layers.appendingPathComponent("lower"), merged = layers.appendingPathComponent("merged")
        try FileManager.default.copyItem(at: site.folder, to: lower)
        unmount(site.output)
        try FileManager.default.removeItem(at: lower.appendingPathComponent("public"))
        XCTAssertEqual(try HubsiteBinary.run(["build"], in: lower).status, 0)
        for name in ["upper", "work", "merged"] {
            try FileManager.default.createDirectory(at: layers.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try mount(["-t", "overlay", "overlay", "-o", "lowerdir=\(lower.path),upperdir=\(layers.path)/upper,workdir=\(layers.path)/work", merged.path])
        defer { unmount(merged) }
        try Data(TestSite.sheet.replacingOccurrences(of: "## Overview", with: "## A new overview").utf8)
            .write(to: merged.appendingPathComponent("content/index.md"))
        let result = try HubsiteBinary.run(["build"], in: merged)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix(warning), result.stderr)
        XCTAssertTrue(try String(contentsOf: merged.appendingPathComponent("public/index.html"), encoding: .utf8).contains("A new overview"))
    }

    private func unmount(_ folder: URL) {
        _ = try? Process.run(URL(fileURLWithPath: "/bin/umount"), arguments: [folder.path]).waitUntilExit()
    }

    private func mount(_ arguments: [String]) throws {
        let process = try Process.run(URL(fileURLWithPath: "/bin/mount"), arguments: arguments)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            XCTFail("mount \(arguments.joined(separator: " ")) failed: the test runs as root, as CI does")
            throw CocoaError(.featureUnsupported)
        }
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

    /// What is beside public/: nothing once a build is over.
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
