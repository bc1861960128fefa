#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest

/// The built `hubsite` binary, run as an editor runs it: exit codes and what it prints.
final class CommandLineTests: XCTestCase {
    private func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let outcome = try HubsiteBinary.run(arguments, in: folder)
        return (outcome.status, outcome.stdout, outcome.stderr)
    }

    func testBuildSucceedsAndSaysWhatItWrote() throws {
        let site = try TestSite()
        let result = try run(["build"], in: site.folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "built 3 pages, 6 files into public/\n")
        XCTAssertTrue(site.exists("index.html"))
    }

    func testBuildPrintsEveryWarningWithACountAndStrictFailsOnThem() throws {
        let site = try TestSite(["content/x.md": "---\ntitle: X\n---\n\nIn 2027 the programme grows.\n"])
        let result = try run(["build", "--today", "2026-05-01"], in: site.folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "built 4 pages, 7 files into public/, 2 warnings\n")
        XCTAssertEqual(result.stderr, """
            content/x.md:5:4: warning: the year 2027 is written out
                fix: write it through a variable that new-cohort moves on: {{cohort.year1}} (2026/27) or {{cohort.year2}} (2027/28), {{cohort.start_year}} (2026), {{cohort.end_year}} (2028); update it if it is an earlier cohort's
            site.yml:1:1: warning: cohort 11's application deadline, 23 April 2026, has passed
                fix: when the site should move on to cohort 12, run `hubsite new-cohort`

            """)
        let before = try site.read("x/index.html")
        try site.write("---\ntitle: X\n---\n\nIn 2027 the programme grows a lot.\n", to: "content/x.md")
        let strict = try run(["build", "--strict", "--today", "2026-05-01"], in: site.folder)
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stderr.hasSuffix("build failed: 2 warnings (--strict); public/ was left as it was\n"), strict.stderr)
        XCTAssertEqual(try site.read("x/index.html"), before, "a failed build leaves the previous site as it was")
        XCTAssertEqual(try run(["build", "--strict", "--today", "2026-01-10"], in: site.folder).status, 1, "the year is still written out")
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
        let empty = try TemporaryFolders.shared.make("hubsite-empty")
        let result = try run(["build"], in: empty)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("site.yml:1:1: error: site.yml not found in "), result.stderr)
        XCTAssertTrue(result.stderr.contains("fix: run hubsite in the site's folder, or pass it with --source DIR"))
    }

    func testServePrintsTheAddressFirstAndStopsCleanlyOnCtrlC() throws {
        let site = try TestSite()
        let process = Process()
        process.executableURL = HubsiteBinary.url
        process.arguments = ["serve", "--port", "0", "--source", site.folder.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let firstLine = readLine(from: out.fileHandleForReading)
        XCTAssertTrue(firstLine.hasPrefix("http://127.0.0.1:") && firstLine.hasSuffix("/"), firstLine)
        let port = Int(firstLine.dropFirst("http://127.0.0.1:".count).dropLast()) ?? 0
        let events = try EventStreamProbe(port: port)
        XCTAssertTrue(events.waitUntilConnected(), "an open page is listening while we stop the server")
        kill(process.processIdentifier, SIGINT)
        let stopped = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { process.waitUntilExit(); stopped.signal() }
        XCTAssertEqual(stopped.wait(timeout: .now() + 20), .success, "Ctrl-C stops the server even with a page open")
        XCTAssertEqual(process.terminationStatus, 0)
        events.close()
    }

    /// `hubsite serve | head -1`: once the reader has gone, what serve prints is dropped and it
    /// keeps serving; control characters in what it prints are shown escaped.
    func testServeOutlivesAReaderThatStoppedReadingAndEscapesControlCharacters() throws {
        let site = try TestSite()
        let process = HubsiteBinary.start(["serve", "--port", "0"], in: site.folder)
        let (out, errors) = (process.standardOutput as! Pipe, process.standardError as! Pipe)
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        let firstLine = readLine(from: out.fileHandleForReading)
        let probe = HTTPProbe(port: Int(firstLine.dropFirst("http://127.0.0.1:".count).dropLast()) ?? 0)
        try out.fileHandleForReading.close()
        try site.write(TestSite.sheet.replacingOccurrences(of: "## Overview", with: "## A new overview"), to: "content/index.md")
        let deadline = Date().addingTimeInterval(20)
        while (try? probe.get("/"))?.body.contains("A new overview") != true, Date() < deadline { usleep(20_000) }
        try site.write("---\ntitle: X\n---\n\n[a](/\u{1B}]0;owned\u{07}/)\n", to: "content/x.md")
        while (try? probe.get("/"))?.body.contains("broken link") != true, Date() < deadline { usleep(20_000) }
        try site.write("---\ntitle: X\n---\n\nFine.\n", to: "content/x.md")
        while (try? probe.get("/x/"))?.body.contains("Fine.") != true, Date() < deadline { usleep(20_000) }
        XCTAssertLessThan(Date(), deadline, "each edit was served")
        XCTAssertTrue(process.isRunning, "serve is still running after printing into a closed pipe")
        XCTAssertEqual(try probe.get("/").status, 200)
        process.terminate()
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertFalse(stderr.contains("\u{1B}"), stderr)
        XCTAssertTrue(stderr.contains(#"broken link "/\x1B]0;owned\x07/""#), stderr)
    }

    func testServeOnAPortInUseSaysHowToFixIt() throws {
        let site = try TestSite()
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) } }
        listen(listener, 1)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let result = try run(["serve", "--port", String(port)], in: site.folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasSuffix("error: port \(port) is already in use on 127.0.0.1; choose another with --port \(port + 1), or --port 0 for any free port\n"), result.stderr)
        XCTAssertFalse(result.stderr.contains("Fatal"), "no stack trace")
    }

    /// serve says which files changed and prints each warning with its fix, as build does.
    func testServeSaysWhatChangedAndEveryWarning() throws {
        let site = try TestSite()
        let process = HubsiteBinary.start(["serve", "--port", "0"], in: site.folder)
        let (out, errors) = (process.standardOutput as! Pipe, process.standardError as! Pipe)
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        var lines: [String] = []
        while !(lines.last ?? "").hasPrefix("rebuilt ") { lines.append(readLine(from: out.fileHandleForReading)) }
        try site.write("---\ntitle: X\n---\n\n| a | b |\n", to: "content/x.md")
        XCTAssertEqual(readLine(from: out.fileHandleForReading), "changed: content/x.md")
        let rebuilt = readLine(from: out.fileHandleForReading)
        XCTAssertTrue(rebuilt.hasPrefix("rebuilt 4 pages in ") && rebuilt.hasSuffix(" ms, 1 warning (shown in the page too)"), rebuilt)
        process.terminate()
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(stderr.contains("content/x.md:5:1: warning: this looks like a table"), stderr)
        XCTAssertTrue(stderr.contains("    fix: "), stderr)
    }

    private func readLine(from handle: FileHandle) -> String {
        var bytes = [UInt8]()
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty || byte.first == 10 { break }
            bytes += byte
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A page deleted after content/ was listed and before it was read, as an editor might in
    /// the middle of a build: strace makes opening it fail as the deletion would.
    func testAFileDeletedDuringABuildIsReportedAndThePreviousSiteKept() throws {
        let site = try TestSite(["content/gone.md": "---\ntitle: Gone\n---\n\nSoon gone.\n"])
        try site.build()
        let before = try site.read("gone/index.html")
        let doomed = site.folder.appendingPathComponent("content/gone.md").path
        let outcome = try HubsiteBinary.run(["build", "--source", site.folder.path], in: site.folder, prefix: [
            try HubsiteBinary.strace(), "-f", "-qq", "-o", "/dev/null", "-P", doomed, "-e", "trace=open,openat", "-e", "inject=open,openat:error=ENOENT"])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssert(outcome.stderr.contains("""
            content/gone.md:1:1: error: the file disappeared: it was deleted or renamed while the site was being built
                fix: if that was on purpose, build again; otherwise restore the file
            """), outcome.stderr)
        XCTAssertEqual(try site.read("gone/index.html"), before, "the previous public/ is intact")
    }

    func testCtrlCDuringABuildLeavesThePreviousSiteAndNoStagingFolder() throws {
        var files: [String: String?] = [:]
        for index in 0..<20 {
            files["content/pages/page-\(index).md"] = "---\ntitle: Page \(index)\n---\n\nSome *words* for the page.\n"
        }
        let site = try TestSite(files)
        let small = try TestSite()
        try small.builder.build(into: site.output)
        let before = try Data(contentsOf: site.output.appendingPathComponent("index.html"))
        // After the staging folder, strace holds every folder the build makes for 10 s: the
        // Ctrl-C always comes in the middle of the build, however fast the machine.
        let strace = try HubsiteBinary.strace()
        let process = HubsiteBinary.start(["build", "--source", site.folder.path], in: site.folder, prefix: [
            strace, "-f", "-qq", "-o", "/dev/null", "-e", "trace=mkdir,mkdirat", "-e", "inject=mkdir,mkdirat:delay_exit=10000000:when=2+"])
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !(try FileManager.default.contentsOfDirectory(atPath: site.folder.path)).contains(where: { $0.hasPrefix(".public.staging-") }) {
            usleep(2_000)
        }
        // Ctrl-C reaches hubsite itself, strace's child, as a terminal's would.
        let children = try String(contentsOfFile: "/proc/\(process.processIdentifier)/task/\(process.processIdentifier)/children", encoding: .utf8)
        let hubsite = try XCTUnwrap(children.split(separator: " ").first.flatMap { Int32($0) }, "strace's child: \(children)")
        kill(hubsite, SIGINT)
        process.waitUntilExit()
        let stderr = String(decoding: (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 128 + SIGINT, stderr)
        XCTAssertEqual(stderr, "stopped: \(site.folder.path)/public/ was left as it was; run the build again when ready\n")
        XCTAssertEqual(try Data(contentsOf: site.output.appendingPathComponent("index.html")), before)
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: site.folder.path).contains { $0.hasPrefix(".public.") })
    }
}
