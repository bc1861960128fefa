import Foundation

/// Listing source folders the same way on every machine: sorted, hidden and editor backup
/// files left out, links not followed (a link could lead outside the site's folder).
public enum FileTree {
    /// A file found under a folder.
    struct Entry: Sendable {
        /// From the folder scanned, with "/" between folders: `hubs/london.md`.
        var relativePath: String
        var absolutePath: String
        /// Made when asked for: a URL per file took most of listing 10,000 pages.
        var url: URL { URL(fileURLWithPath: absolutePath, isDirectory: false) }
    }

    /// Regular files under `folder`, sorted by path; `withExtension` keeps only those.
    static func files(under folder: URL, withExtension pathExtension: String? = nil) -> [URL] {
        scan(under: folder).files.map(\.url)
            .filter { pathExtension == nil || $0.pathExtension == pathExtension }
    }

    /// The paths of the regular files under `folder`, from it, sorted: `hubs/london.md`.
    public static func relativePaths(under folder: URL) -> [String] {
        scan(under: folder).files.map(\.relativePath)
    }

    /// Files (anything but folders and links), and the symbolic links that were not followed,
    /// both sorted by path.
    static func scan(under folder: URL) -> (files: [Entry], links: [Entry]) {
        var files: [String] = []
        var links: [String] = []
        let base = folder.standardizedFileURL.path
        collect(base, relative: "", into: &files, links: &links)
        let entry = { (relative: String) in Entry(relativePath: relative, absolutePath: base + "/" + relative) }
        return (files.sorted().map(entry), links.sorted().map(entry))
    }

    /// What is said of a symbolic link found among the sources; `folder` is where to copy the file instead.
    static func linkMessage(copyInto folder: String) -> Problem {
        Problem(message: "this is a symbolic link; hubsite does not follow links, which could lead outside the site's folder",
                fix: "copy the file or folder into \(folder) instead of linking to it")
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

    /// readdir's own file types: asking for each file's attributes took most of a 10,000-page listing.
    private static func collect(_ path: String, relative: String, into files: inout [String], links: inout [String]) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != "..", !isIgnored(name) else { continue }
            let full = path + "/" + name
            let child = relative.isEmpty ? name : relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var status = stat()
                guard lstat(full, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: type = Int32(DT_DIR)
                case S_IFREG: type = Int32(DT_REG)
                case S_IFLNK: type = Int32(DT_LNK)
                default: type = Int32(DT_FIFO)
                }
            }
            switch type {
            case Int32(DT_DIR): collect(full, relative: child, into: &files, links: &links)
            case Int32(DT_REG): files.append(child)
            case Int32(DT_LNK): links.append(child)
            // A named pipe, socket or device is listed with the files, so that reading it
            // says what it is (SourceFile never waits on one) instead of leaving it out unseen.
            default: files.append(child)
            }
        }
    }
}
