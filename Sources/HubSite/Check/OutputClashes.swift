/// Two sources that would be published at one address, or a file where another needs a
/// folder (`content/notes`, a file, beside `content/notes.md`, whose page is `notes/index.html`):
/// which one won would depend on the order of writing, so neither is left to chance.
enum OutputClashes {
    /// The site files that clash with a page or with each other are left out, each clash an error
    /// naming both sources. `pages` maps each page's output path to its source.
    static func leaveOut(_ files: [SiteFile], pages: [String: String], log: inout DiagnosticLog) -> [SiteFile] {
        var owners = pages
        var kept: [SiteFile] = []
        for siteFile in files {
            let path = siteFile.path
            if let other = owners[path] {
                report(siteFile.origin, other, "would both be published as \(path)", log: &log)
            } else {
                owners[path] = siteFile.origin
                kept.append(siteFile)
            }
        }
        // A file whose path is a folder of another file's path.
        for (path, owner) in owners.sorted(by: { $0.key < $1.key }) {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if let fileOwner = owners[String(folder)] {
                    report(fileOwner, owner, "cannot both be published: \(folder) would have to be a file and a folder", log: &log)
                    kept.removeAll { $0.path == String(folder) || $0.path == path }
                }
            }
        }
        return kept
    }

    private static func report(_ first: String, _ second: String, _ what: String, log: inout DiagnosticLog) {
        let (file, other) = first.hasPrefix("the ") ? (second, first) : (first, second)
        log.error(at: SourceLocation(file: file), "\(file) and \(other) \(what)",
                  fix: other.hasPrefix("the ") ? "rename \(file): hubsite makes \(other.dropFirst(4).split(separator: " ").first ?? "") itself"
                      : "rename or remove one of them")
    }
}
