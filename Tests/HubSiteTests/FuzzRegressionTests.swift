import Foundation
import XCTest
@testable import HubSite

/// Every input the fuzzers start from (Tests/fuzz/corpus) and every input that once went wrong
/// or is known to be hostile (Tests/fuzz/regressions), replayed through the same entry points as
/// `make fuzz`. `Tests/fuzz/run.sh` copies each new crash into regressions/, so a finding stays a
/// failing test until it is fixed.
final class FuzzRegressionTests: XCTestCase {
    private static let fuzzFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fuzz")

    private func inputs(_ target: String) throws -> [(String, [UInt8])] {
        try ["corpus", "regressions"].flatMap { kind -> [(String, [UInt8])] in
            let folder = Self.fuzzFolder.appendingPathComponent("\(kind)/\(target)")
            return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { name in
                ("\(kind)/\(target)/\(name)", [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
            }
        }
    }

    func testFrontMatterInputs() throws {
        let all = try inputs("front-matter")
        XCTAssertGreaterThan(all.count, 5)
        for (_, bytes) in all { FuzzTargets.frontMatter(bytes) }
    }

    func testMarkdownInputs() throws {
        let all = try inputs("markdown")
        XCTAssertGreaterThan(all.count, 5)
        for (_, bytes) in all { FuzzTargets.markdown(bytes) }
    }

    func testTemplateInputs() throws {
        let all = try inputs("template")
        XCTAssertGreaterThan(all.count, 3)
        for (_, bytes) in all { FuzzTargets.template(bytes) }
    }
}
