import Foundation

/// A built site read back from disk, for `hubsite check`.
public enum OutputFolder {
    public static func read(_ folder: URL) -> [OutputFile] {
        FileTree.files(under: folder).compactMap { url in
            guard let data = try? Data(contentsOf: url) else { return nil }
            return OutputFile(path: FileTree.relativePath(of: url, in: folder), contents: [UInt8](data))
        }
    }
}
