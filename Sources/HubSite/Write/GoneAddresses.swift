import Foundation

/// Pages and calendars that the site being replaced published and this build does not: links,
/// bookmarks and calendar subscriptions to them would break without a word.
enum GoneAddresses {
    /// One warning per page or calendar of `output` (when it is hubsite's own folder) missing from `written`.
    static func warnings(previous output: String, written: Set<String>, display: String) -> [Diagnostic] {
        guard OutputMarker.isPresent(in: output) else { return [] }
        return FileTree.relativePaths(under: URL(fileURLWithPath: output, isDirectory: true))
            .filter { ($0.hasSuffix(".html") || $0.hasSuffix(".ics")) && !written.contains($0) && $0 != "404.html" }
            .map { path in
                let isCalendar = path.hasSuffix(".ics")
                let address = "/" + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
                let page = isCalendar ? "/" + path.dropLast("key-dates.ics".count) : address
                return Diagnostic(.warning, at: SourceLocation(file: display + "/" + path),
                                  isCalendar ? "the calendar \(address) is published now and this build leaves it out: readers subscribed to it stop getting dates"
                                      : "the page \(address) is published now and this build leaves it out: links and bookmarks to it will break",
                                  fix: "if the page moved, add its old address to the page that replaces it: \"aliases:\" with \"  - \(page)\" under it (see docs/EDITING.md: renaming a hub); if it is gone for good, this warning goes after the next build")
            }
    }
}
