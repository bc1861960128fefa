import Foundation
import XCTest

/// The built `hubsite` binary, run as an editor runs it: exit code and what it prints.
enum HubsiteBinary {
    /// The test bundle sits beside the products (on Linux it may be the products folder itself).
    static var url: URL {
        let bundle = Bundle(for: Marker.self).bundleURL
        return [bundle.appendingPathComponent("hubsite"), bundle.deletingLastPathComponent().appendingPathComponent("hubsite")]
            .first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? bundle
    }

    private final class Marker {}

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `hubsite arguments…` in `folder`; `prefix` runs it under another program (strace, setpriv).
    static func run(_ arguments: [String], in folder: URL, prefix: [String] = []) throws -> Outcome {
        let process = start(arguments, in: folder, prefix: prefix)
        let (out, err) = (process.standardOutput as! Pipe, process.standardError as! Pipe)
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The day a test's `hubsite build` takes as today unless it names one: the day the suite
    /// runs must never change what a test expects (the test site's deadline is 23 April 2026).
    static let today = "2026-01-10"

    /// A process ready to run, with pipes for its output.
    static func start(_ arguments: [String], in folder: URL, prefix: [String] = []) -> Process {
        var arguments = arguments
        if arguments.first == "build", !arguments.contains("--today") { arguments += ["--today", today] }
        let process = Process()
        if prefix.isEmpty {
            process.executableURL = url
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = prefix + [url.path] + arguments
        }
        process.currentDirectoryURL = folder
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        return process
    }

    /// strace, which holds one system call for a while so that a test can kill the build there.
    /// Runs hubsite as an editor's account would: as root, permissions stop nothing, so a test
    /// that needs them builds as nobody, owning the site's folder.
    static func asEditor(owning folder: URL) -> [String] {
        guard getuid() == 0 else { return [] }
        chown(folder.path, 65534, 65534)
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            lchown(folder.appendingPathComponent(path).path, 65534, 65534)
        }
        return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    }

    static func strace(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let path = "/usr/bin/strace"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            XCTFail("strace is missing: apt-get install strace (make test installs it)", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return path
    }
}
