import Foundation

/// What `check --external` learnt, kept for a day in `.hubsite-cache/external-links.json`
/// beside site.yml (never in public/), so that checking again does not fetch every address again.
public struct ExternalLinkCache: Sendable {
    public var file: URL
    public var maximumAge: TimeInterval
    /// The clock, replaceable in tests.
    public var now: @Sendable () -> Date

    public init(siteFolder: URL, maximumAge: TimeInterval = 86_400, now: @escaping @Sendable () -> Date = Date.init) {
        self.file = siteFolder.appendingPathComponent(".hubsite-cache/external-links.json")
        self.maximumAge = maximumAge
        self.now = now
    }

    /// The results younger than a day; an unreadable cache counts as empty.
    func load() -> [String: FetchResult] {
        guard let data = try? Data(contentsOf: file),
              let entries = try? JSONDecoder().decode([String: FetchResult].self, from: data) else { return [:] }
        let oldest = now().timeIntervalSince1970 - maximumAge
        return entries.filter { $0.value.fetched >= oldest }
    }

    /// Saves the results (stamping new ones with the time); a cache that cannot be written is no reason to fail a check.
    func save(_ entries: [String: FetchResult]) {
        let stamped = entries.mapValues { entry -> FetchResult in
            var entry = entry
            if entry.fetched == 0 { entry.fetched = now().timeIntervalSince1970 }
            return entry
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? encoder.encode(stamped) else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: file, options: .atomic)
    }
}
