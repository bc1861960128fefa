/// An old address of a page (`aliases:`): the build writes a redirect page there, so that links
/// and bookmarks to a renamed or moved page keep working.
public struct Alias: Hashable, Sendable {
    /// As written: `/hubs/boolean/`.
    public var written: String
    /// The file written: `hubs/boolean/index.html`.
    public var outputPath: String
    public var location: SourceLocation

    /// Any folder of the site or an `.html` file in it, from the site's root: `/hubs/boolean/`,
    /// `/old-page.html`. Nil for anything else (a full address, `..`, a query).
    init?(_ text: String, location: SourceLocation) {
        let written = text.trimmingCharacters(in: .whitespaces)
        guard written.hasPrefix("/"), !written.hasPrefix("//"), written.count > 1,
              !written.contains(where: { $0.isWhitespace || "?#\"<>\\%".contains($0) || $0.unicodeScalars.contains(where: \.isInvisibleControl) })
        else { return nil }
        let parts = written.split(separator: "/")
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) else { return nil }
        let path = parts.joined(separator: "/")
        self.written = written
        outputPath = written.hasSuffix(".html") ? path : path + "/index.html"
        self.location = location
    }
}
