import Foundation
import XCTest

/// Folders the tests make under the system's temporary folder, each removed when the test that
/// made it has finished, so a run of the suite leaves nothing behind.
final class TemporaryFolders: NSObject, XCTestObservation, @unchecked Sendable {
    static let shared: TemporaryFolders = {
        let folders = TemporaryFolders()
        XCTestObservationCenter.shared.addTestObserver(folders)
        return folders
    }()

    private let lock = NSLock()
    private var made: [URL] = []

    /// A new, empty folder whose name starts with `prefix`.
    func make(_ prefix: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        lock.withLock { made.append(folder) }
        return folder
    }

    func testCaseDidFinish(_ testCase: XCTestCase) {
        let folders = lock.withLock { defer { made = [] }; return made }
        for folder in folders {
            // A test may leave a folder read-only; make it writable again so it can go.
            _ = try? FileManager.default.subpathsOfDirectory(atPath: folder.path).forEach {
                try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.appendingPathComponent($0).path)
            }
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            try? FileManager.default.removeItem(at: folder)
        }
    }
}
