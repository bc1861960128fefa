import Foundation
import XCTest

/// The library's folders are its stages, in order: code in one folder uses only what its own
/// folder and the folders before it declare, so that data flows one way through the pipeline.
final class FolderOrderTests: XCTestCase {
    static let order = ["Diagnostics", "Text", "Model", "Load", "Parse", "Render", "Check", "Write", "Pipeline", "Rollover", "Scaffold"]
    /// The pipeline's stages are written as extensions of it, each in its stage's folder.
    static let pipeline = "SiteBuilder"

    func testEachFolderUsesOnlyTheFoldersBeforeIt() throws {
        let library = TestSite.repository.appendingPathComponent("Sources/HubSite")
        let files = try swiftFiles(under: library)
        XCTAssertEqual(Set(files.map(\.folder)), Set(Self.order), "every folder of Sources/HubSite has its place in the order")

        // Types declared at the top level of a file, not nested ones: a nested name is always written qualified.
        let declaration = try NSRegularExpression(pattern: #"^(?:public |internal |fileprivate |private )?(?:final )?(?:struct|enum|class|protocol|typealias|actor) ([A-Z]\w*)"#,
                                                  options: .anchorsMatchLines)
        var home: [String: String] = [:]
        for file in files {
            for match in declaration.matches(in: file.code, range: NSRange(file.code.startIndex..., in: file.code)) {
                home[String(file.code[Range(match.range(at: 1), in: file.code)!])] = file.folder
            }
        }
        XCTAssertEqual(home["HTMLScanner"], "Parse", "the test reads the declarations")

        var crossings: [String] = []
        let identifier = try NSRegularExpression(pattern: #"\b[A-Z]\w*\b"#)
        for file in files {
            let place = Self.order.firstIndex(of: file.folder)!
            let used = Set(identifier.matches(in: file.code, range: NSRange(file.code.startIndex..., in: file.code))
                .map { String(file.code[Range($0.range, in: file.code)!]) })
            for name in used.sorted() where name != Self.pipeline {
                if let folder = home[name], Self.order.firstIndex(of: folder)! > place {
                    crossings.append("\(file.name) uses \(name), declared in \(folder)/")
                }
            }
        }
        XCTAssertEqual(crossings, [])
    }

    /// Each Swift file below `root`: its stage folder, its name, and its code without comments or string literals.
    private func swiftFiles(under root: URL) throws -> [(folder: String, name: String, code: String)] {
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        let comment = try NSRegularExpression(pattern: #"//.*$|"(?:[^"\\\n]|\\.)*""#, options: .anchorsMatchLines)
        return try enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.map { url in
            let relative = url.path.dropFirst(root.path.count + 1)
            let text = try String(contentsOf: url, encoding: .utf8)
            let code = comment.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
            return (String(relative.prefix { $0 != "/" }), String(relative), code)
        }
        .sorted { $0.name < $1.name }
    }
}
