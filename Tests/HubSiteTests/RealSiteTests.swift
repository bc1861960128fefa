import XCTest
@testable import HubSite

/// The repository's own site: it builds, it says what the seed says, and the committed public/
/// is exactly what the current sources build (same input, same bytes).
final class RealSiteTests: XCTestCase {
    private var repository: URL { TestSite.repository }

    func testCommittedPublicMatchesAFreshBuild() throws {
        let built = try SiteBuilder(source: repository).render().files
        let publicFolder = repository.appendingPathComponent("public")
        let committed = FileTree.files(under: publicFolder).map { FileTree.relativePath(of: $0, in: publicFolder) }
        XCTAssertEqual(committed, built.map(\.path), "public/ is stale: run `make site` and commit public/")
        for file in built {
            let onDisk = try? Data(contentsOf: publicFolder.appendingPathComponent(file.path))
            XCTAssertEqual(onDisk, Data(file.contents), "public/\(file.path) differs from a fresh build: run `make site`")
        }
    }

    func testSheetReproducesTheSeedCriteriaTable() throws {
        let result = try SiteBuilder(source: repository).render()
        let criteria = try XCTUnwrap(result.site.sheet?.body.criteria)
        let rows = criteria.rows.map { [$0.essential, $0.desirable] }
        XCTAssertEqual(rows, [
            ["Qualified Teacher Status", "Additional status, e.g., Lead Practitioner; Mathematics SLE; NCETM-accredited PD Lead"],
            ["Employed as a teacher in a state-funded middle/secondary school in England; currently teaching maths to KS3 and/or KS4 students",
             "Maths subject leader or responsibility within a maths department"],
            ["A minimum of two years’ experience teaching maths", "Experience of developing a department’s maths curriculum"],
            ["Good teaching skills in maths as evidenced by internal/external/Ofsted observation", ""],
            ["Passion and enthusiasm for teaching for mastery", ""],
            ["Ability to work collaboratively with others", "Experience of leading collaborative professional development"],
        ])
    }

    func testSheetHasEverySectionOfTheSeed() throws {
        let result = try SiteBuilder(source: repository).render()
        let sheet = try XCTUnwrap(result.site.sheet)
        XCTAssertEqual(sheet.body.tableOfContents.map(\.text), [
            "Overview", "What will participation in the programme involve?", "What are the benefits of participating in the programme?",
            "Who should apply?", "What are the expectations of participating schools?", "What is the funding for the programme?",
            "How to apply",
        ])
        XCTAssertTrue(sheet.title.contains("Cohort 11"))
        XCTAssertEqual(sheet.body.dates.map(\.iso), ["2025-12-16", "2026-04-23"])
        let html = String(decoding: try XCTUnwrap(result.files.first { $0.path == "index.html" }).contents, as: UTF8.self)
        for sentence in [
            "funding is now available to support the development of an eleventh cohort",
            "Year 1 of the programme (2026/27) is structured with 7.5 days comprising:",
            "In 2026/27, the Maths Hub will cover the cost of the 7.5 days’ release time",
            "The Maths Hub will contact applicants once the selection process has been completed.",
        ] {
            XCTAssertTrue(html.contains(sentence), "missing: \(sentence)")
        }
        XCTAssertFalse(html.contains("href=\"#\""), "no link points nowhere")
    }

    /// Every hub of the seed list has a page and a place in the finder, with exactly the facts given.
    func testEveryConfirmedHubIsPublished() throws {
        let tsv = try String(contentsOf: repository.appendingPathComponent("Tests/Fixtures/seed/maths-hubs.tsv"), encoding: .utf8)
        let result = try SiteBuilder(source: repository).render()
        let hubs = Dictionary(uniqueKeysWithValues: result.site.hubs.map { ($0.name, $0) })
        let finder = try XCTUnwrap(result.files.first { $0.path == "hubs/index.html" }).contents
        let finderHTML = String(decoding: finder, as: UTF8.self)
        let rows = tsv.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(rows.count, hubs.count)
        for row in rows {
            let hub = try XCTUnwrap(hubs[row[0]], "no page for \(row[0])")
            XCTAssertEqual(hub.region.name, row[1])
            XCTAssertEqual(hub.website, row[2].isEmpty ? nil : "https://\(row[2])/")
            XCTAssertEqual(hub.areas, row.count > 3 ? row[3].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } : [])
            XCTAssertTrue(finderHTML.contains(">\(hub.name)</a>"), "\(hub.name) is not in the finder")
            XCTAssertTrue(result.files.contains { $0.path == "hubs/\(hub.slug)/index.html" })
        }
    }
}
