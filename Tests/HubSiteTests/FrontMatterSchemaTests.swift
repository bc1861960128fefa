import XCTest
@testable import HubSite

/// The JSON Schemas of `schemas/` (read by editors' tools as they type) and hubsite agree: the
/// shared cases of Tests/Fixtures/front-matter/ are built here, and validated against the
/// schemas by Tests/gates/front_matter_schemas.py; and the schemas name exactly the keys and
/// regions hubsite reads.
final class FrontMatterSchemaTests: XCTestCase {
    static let cases = TestSite.repository.appendingPathComponent("Tests/Fixtures/front-matter")

    /// Where a case goes in a site, from the first word of its name.
    private func site(with file: URL) throws -> (TestSite, String) {
        let text = try String(contentsOf: file, encoding: .utf8)
        let path = switch file.lastPathComponent.prefix(while: { $0 != "-" }) {
        case "site": "site.yml"
        case "hub": "content/hubs/case.md"
        default: "content/case.md"
        }
        return (try TestSite([path: text]), path)
    }

    private func cases(in folder: String) throws -> [URL] {
        let found = try FileManager.default.contentsOfDirectory(at: Self.cases.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.contains("-") }.sorted { $0.path < $1.path }
        XCTAssertFalse(found.isEmpty, "no cases in \(folder)")
        return found
    }

    func testValidCasesBuild() throws {
        for file in try cases(in: "valid") {
            let (site, path) = try site(with: file)
            do {
                _ = try site.builder.build(into: site.output)
            } catch {
                XCTFail("\(file.lastPathComponent) as \(path) did not build:\n\(error)")
            }
        }
    }

    func testInvalidCasesAreErrorsInTheirFile() throws {
        for file in try cases(in: "invalid") + cases(in: "hubsite-only") {
            let (site, path) = try site(with: file)
            do {
                _ = try site.builder.build(into: site.output)
                XCTFail("\(file.lastPathComponent) as \(path) built, but hubsite should reject it")
            } catch {
                XCTAssertTrue(error.errors.contains { $0.location.file == path }, "\(file.lastPathComponent): no error in \(path):\n\(error)")
            }
        }
    }

    private func schema(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: TestSite.repository.appendingPathComponent("schemas/\(name).schema.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func keys(_ object: [String: Any], _ path: String...) throws -> Set<String> {
        var node = object
        for key in path { node = try XCTUnwrap(node[key] as? [String: Any], "no \(key) in the schema") }
        XCTAssertEqual(node["additionalProperties"] as? Bool, false, "a misspelt key must be flagged")
        return Set(try XCTUnwrap(node["properties"] as? [String: Any]).keys)
    }

    /// Every date form hubsite reads, the schemas read too: both patterns are made from hubsite's own lists.
    func testTheSchemasReadDatesAsHubsiteDoes() throws {
        for name in ["site", "hub"] {
            let definitions = try XCTUnwrap(try schema(name)["definitions"] as? [String: Any])
            let date = try XCTUnwrap(definitions["date"] as? [String: Any])
            XCTAssertEqual(date["pattern"] as? String, DateValue.schemaPattern, "schemas/\(name).schema.json: definitions.date.pattern")
        }
        let hubDefinitions = try XCTUnwrap(try schema("hub")["definitions"] as? [String: Any])
        let dateAndTime = try XCTUnwrap(hubDefinitions["dateAndTime"] as? [String: Any])
        XCTAssertEqual(dateAndTime["pattern"] as? String, DateAndTime.schemaPattern, "schemas/hub.schema.json: definitions.dateAndTime.pattern")
    }

    func testTheSchemasNameTheKeysHubsiteReads() throws {
        let site = try schema("site"), page = try schema("page"), hub = try schema("hub")
        XCTAssertEqual(try keys(site), Set(SiteConfig.allowedKeys))
        XCTAssertEqual(try keys(site, "properties", "cohort"), Set(SiteConfig.allowedCohortKeys))
        XCTAssertEqual(try keys(page), Set(PageLoader.allowedKeys))
        // A hub's file is a page too: it may name its template.
        XCTAssertEqual(try keys(hub), Set(Hub.allowedKeys + ["template"]))
        XCTAssertEqual(try keys(hub, "properties", "contacts", "items"), Set(Hub.allowedContactKeys))
        XCTAssertEqual(try keys(hub, "properties", "documents", "items"), Set(Hub.allowedDocumentKeys))
        XCTAssertEqual(try keys(hub, "properties", "contact"), Set(Hub.allowedContactKeys))
        XCTAssertEqual(try keys(hub, "properties", "events", "items"), Set(Hub.allowedEventKeys))
    }

    func testTheSchemaOffersEveryRegionAndOnlyWhatHubsiteAccepts() throws {
        let region = try XCTUnwrap((try schema("hub")["properties"] as? [String: Any])?["region"] as? [String: Any])
        let offered = try XCTUnwrap(region["enum"] as? [String])
        XCTAssertTrue(Set(offered).isSuperset(of: Region.allCases.map(\.name)))
        for name in offered { XCTAssertNotNil(Region(written: name), "the schema offers \"\(name)\", which hubsite refuses") }
    }
}
