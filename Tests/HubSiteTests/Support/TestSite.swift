import Foundation
import XCTest
@testable import HubSite

/// A whole small site written to a temporary folder from inline files, in the manner of Hugo's
/// integration test builder: minimal templates of its own (Tests/Fixtures/minimal-templates),
/// so that a test pins only what it is about, or the real ones for tests about them; a valid
/// site.yml and information sheet unless a test replaces them.
struct TestSite {
    /// Which templates the site starts with; a test may still replace any one of them.
    enum TemplateSet {
        /// A page, the sheet, a hub, the finder and 404.html, each a heading and the body.
        case minimal
        /// The repository's templates/, for tests of what readers see.
        case real
        case none
    }

    let folder: URL
    var output: URL { folder.appendingPathComponent("public") }

    /// The repository's root, found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let siteYML = """
        title: Test Programme
        language: en-GB
        cohort:
          number: 11
          year1: 2026/27
          year2: 2027/28
          applications_open: 16 December 2025
          applications_close: 23 April 2026

        """

    static let sheet = """
        ---
        title: Cohort {{cohort.number}} information sheet
        description: A test sheet.
        ---

        ## Overview

        Applications open on {{cohort.applications_open}}.

        ## Who should apply?

        ### Essential

        - Qualified Teacher Status
        - Two years' experience

        ### Desirable

        -
        - Subject leader

        ## How to apply

        Apply by **{{cohort.applications_close}}**.

        """

    /// `files` maps paths inside the site folder to their text; a nil value removes a default file.
    init(_ files: [String: String?] = [:], templates: TemplateSet = .minimal, file: StaticString = #filePath, line: UInt = #line) throws {
        folder = try TemporaryFolders.shared.make("hubsite-test")
        let templateFolder: String? = switch templates {
        case .minimal: "Tests/Fixtures/minimal-templates"
        case .real: "templates"
        case .none: nil
        }
        if let templateFolder {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(templateFolder),
                                             to: folder.appendingPathComponent("templates"))
        }
        var all: [String: String?] = [
            "site.yml": Self.siteYML, "content/index.md": Self.sheet,
            "content/accessibility.md": "---\ntitle: Accessibility statement\n---\n\nWe test every page.\n",
        ]
        all.merge(files) { $1 }
        for (path, text) in all {
            let url = folder.appendingPathComponent(path)
            if let text {
                try write(text, to: path)
            } else {
                try? FileManager.default.removeItem(at: url)
            }
        }
    }

    /// A site with the repository's templates, for a test of what readers see.
    static func real(_ files: [String: String?] = [:]) throws -> TestSite {
        try TestSite(files, templates: .real)
    }

    func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    func write(_ data: Data, to path: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    var builder: SiteBuilder { SiteBuilder(source: folder) }

    /// Builds into `public/`; fails the test with the printed errors if the build fails.
    @discardableResult
    func build(file: StaticString = #filePath, line: UInt = #line) throws -> SiteBuilder.Result {
        do {
            return try builder.build(into: output)
        } catch {
            XCTFail("build failed:\n\(error)", file: file, line: line)
            throw error
        }
    }

    /// Builds and expects failure; returns the printed diagnostics, one per line (without fixes).
    func buildErrors(file: StaticString = #filePath, line: UInt = #line) -> [String] {
        do {
            try builder.build(into: output)
            XCTFail("build succeeded, expected errors", file: file, line: line)
            return []
        } catch {
            return error.errors.map { "\($0.location): \($0.message)" }
        }
    }

    func failure(file: StaticString = #filePath, line: UInt = #line) -> BuildFailure? {
        do {
            try builder.build(into: output)
            XCTFail("build succeeded, expected errors", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    /// Every file under public/, sorted: tests assert on the whole list so unexpected files fail.
    func outputFiles() -> [String] {
        FileTree.files(under: output).map { FileTree.relativePath(of: $0, in: output) }
    }

    func assertFile(_ path: String, contains fragments: String..., file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try read(path)
        for fragment in fragments where !text.contains(fragment) {
            XCTFail("\(path) does not contain:\n\(fragment)\n--- it holds:\n\(text)", file: file, line: line)
        }
    }

    func assertFile(_ path: String, lacks fragments: String..., file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try read(path)
        for fragment in fragments where text.contains(fragment) {
            XCTFail("\(path) should not contain:\n\(fragment)", file: file, line: line)
        }
    }
}
