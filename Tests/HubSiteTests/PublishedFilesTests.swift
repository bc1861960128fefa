import Foundation
import XCTest
@testable import HubSite

/// What reaches public/ from content/: never two files at one address (which one won used to
/// depend on the order of writing), never Markdown sources published raw, and one badly named
/// file never hiding the rest of the build's findings.
final class PublishedFilesTests: XCTestCase {
    func testTwoSourcesForOneAddressAreAnErrorNamingBoth() throws {
        let site = try TestSite.real([
            "content/style.css": "body { color: red }\n",
            "content/robots.txt": "User-agent: *\n",
            "content/404.html": "<p>lost</p>\n",
            "content/notes": "a file where the page needs a folder\n",
            "content/notes.md": "---\ntitle: Notes\n---\n\nWords.\n",
        ])
        XCTAssertEqual(site.buildErrors(), [
            "content/404.html:1:1: content/404.html and the 404.html that hubsite makes would both be published as 404.html",
            "content/notes:1:1: content/notes and content/notes.md cannot both be published: notes would have to be a file and a folder",
            "content/robots.txt:1:1: content/robots.txt and the robots.txt that hubsite makes would both be published as robots.txt",
            "content/style.css:1:1: content/style.css and templates/assets/style.css would both be published as style.css",
        ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path), "nothing was published")
        let failure = try XCTUnwrap(site.failure())
        XCTAssertEqual(failure.errors.first { $0.location.file == "content/robots.txt" }?.fix, "rename content/robots.txt: hubsite makes robots.txt itself")
    }

    func testMarkdownUnderOtherNamesIsNeverPublishedRaw() throws {
        let site = try TestSite([
            "content/guide.markdown": "# Guide\n",
            "content/faq.mdown": "# FAQ\n",
            "content/old.md-old": "# Old\n",
            "content/spaced.md ": "# Spaced\n",
        ])
        let failure = try XCTUnwrap(site.failure())
        XCTAssertEqual(failure.diagnostics.map { "\($0.location): \($0.severity): \($0.message) | \($0.fix)" }, [
            "content/faq.mdown:1:1: warning: this looks like a Markdown page, but hubsite builds only names ending in .md, so it is left out of the site | rename it to faq.md",
            "content/guide.markdown:1:1: warning: this looks like a Markdown page, but hubsite builds only names ending in .md, so it is left out of the site | rename it to guide.md",
            "content/old.md-old:1:1: warning: this looks like a copy or backup of a page, so it is left out of the site | keep copies outside content/, or rename it to end in .md if it is a page",
            "content/spaced.md :1:1: error: hubsite reads pages from names ending in .md, in small letters with nothing after; this one would be published as a raw file | rename it to spaced.md",
        ])
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("content/spaced.md "))
        try site.build()
        XCTAssertEqual(site.outputFiles().filter { $0.contains("guide") || $0.contains("faq") || $0.contains("old") }, [])
    }

    func testABadlyNamedFileDoesNotHideTheOtherPagesBrokenLinks() throws {
        let site = try TestSite([
            "content/My Notes.md": "---\ntitle: Notes\n---\n\nWords.\n",
            "content/extra.md": "---\ntitle: Extra\n---\n\nSee [nothing](/nothing-here/).\n",
        ])
        let errors = site.buildErrors()
        XCTAssertTrue(errors.contains { $0.hasPrefix("content/My Notes.md:") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.hasPrefix("content/extra.md:5:5: broken link \"/nothing-here/\"") }, "\(errors)")
    }

    /// A named pipe where a source should be: an error at once, never a build that waits for ever.
    func testANamedPipeIsRefusedNotWaitedOn() throws {
        let site = try TestSite()
        XCTAssertEqual(mkfifo(site.folder.appendingPathComponent("content/pipe.md").path, 0o644), 0)
        XCTAssertEqual(mkfifo(site.folder.appendingPathComponent("content/image.png").path, 0o644), 0)
        let result = try HubsiteBinary.run(["build"], in: site.folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("content/image.png:1:1: error: this is not a plain file but a named pipe, a socket or a device, which hubsite does not read"), result.stderr)
        XCTAssertTrue(result.stderr.contains("content/pipe.md:1:1: error: this is not a plain file but a named pipe, a socket or a device, which hubsite does not read"), result.stderr)
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("site.yml"))
        XCTAssertEqual(mkfifo(site.folder.appendingPathComponent("site.yml").path, 0o644), 0)
        for command in [["build"], ["new-cohort", "--dry-run"]] {
            let refused = try HubsiteBinary.run(command, in: site.folder)
            XCTAssertEqual(refused.status, 1, "\(command)")
            XCTAssertTrue(refused.stderr.contains("site.yml:1:1: error: this is not a plain file but a named pipe"), "\(command): \(refused.stderr)")
        }
    }
}
