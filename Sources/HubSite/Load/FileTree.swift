import Foundation

/// Listing source folders the same way on every machine: sorted, hidden and editor backup
/// files left out, links not followed (a link could lead outside the site's folder).
public enum FileTree {
    /// Regular files under `folder`, sorted by path; `withExtension` keeps only those.
    static func files(under folder: URL, withExtension pathExtension: String? = nil) -> [URL] {
        scan(under: folder).files
            .filter { pathExtension == nil || $0.pathExtension == pathExtension }
    }

    /// Regular files, and the symbolic links that were not followed, both sorted.
    static func scan(under folder: URL) -> (files: [URL], links: [URL]) {
        var found: [URL] = []
        var links: [URL] = []
        collect(folder, into: &found, links: &links)
        return (found.sorted { $0.path < $1.path }, links.sorted { $0.path < $1.path })
    }

    /// Files and folders that are not part of the site: hidden files, editors' swap and backup files.
    public static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#") || name.hasSuffix(".swp") || name.hasSuffix(".tmp")
    }

    static func relativePath(of file: URL, in folder: URL) -> String {
        let base = folder.standardizedFileURL.path
        let path = file.standardizedFileURL.path
        guard path.hasPrefix(base) else { return path }
        return String(path.dropFirst(base.count).drop { $0 == "/" })
    }

    private static func collect(_ folder: URL, into found: inout [URL], links: inout [URL]) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names.sorted() where !isIgnored(name) {
            let url = folder.appendingPathComponent(name)
            guard let attributes = try? manager.attributesOfItem(atPath: url.path),
                  let type = attributes[.type] as? FileAttributeType else { continue }
            if type == .typeDirectory {
                collect(url, into: &found, links: &links)
            } else if type == .typeRegular {
                found.append(url)
            } else if type == .typeSymbolicLink {
                links.append(url)
            }
        }
    }
}
