/// Everything the templates need, read from the sources: configuration and pages.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Sorted by source path.
    public var pages: [Page]
    /// Sheets of earlier cohorts kept under `content/archive/`, newest first.
    public var archives: [ArchivedCohort] = []

    public var sheet: Page? { pages.first { $0.kind == .sheet } }

    /// Every hub, by region in the finder's order, then by name.
    public var hubs: [Hub] {
        pages.compactMap(\.hub).sorted { ($0.region, $0.name) < ($1.region, $1.name) }
    }

    /// The hubs the finder lists: drafts are previewed, never listed.
    public var listedHubs: [Hub] {
        pages.filter { !$0.isDraft }.compactMap(\.hub).sorted { ($0.region, $0.name) < ($1.region, $1.name) }
    }

}

/// One file of the built site, as bytes, with its path inside the output folder.
public struct OutputFile: Hashable, Sendable {
    public var path: String
    public var contents: [UInt8]

    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Array(text.utf8))
    }
}

/// An earlier cohort's information sheet, frozen by `hubsite new-cohort` in
/// `content/archive/cohort-N/` and published with the site.
public struct ArchivedCohort: Hashable, Sendable {
    public var number: Int
    /// `archive/cohort-11/index.html`
    public var path: String

    /// The archived sheets among the site's published files, newest first.
    static func find(in paths: [String]) -> [ArchivedCohort] {
        paths.compactMap { path -> ArchivedCohort? in
            let parts = path.split(separator: "/")
            guard parts.count == 3, parts[0] == "archive", parts[2] == "index.html", parts[1].hasPrefix("cohort-"),
                  let number = Int(parts[1].dropFirst("cohort-".count)) else { return nil }
            return ArchivedCohort(number: number, path: path)
        }
        .sorted { $0.number > $1.number }
    }
}
