import Foundation

/// `hubsite new hub` and `hubsite new page`: a complete, commented file that builds as it is.
/// Only what the editor gave is filled in; everything else is a comment saying what to write,
/// never a made-up value.
public enum NewContent {
    /// What is wrong with the command's arguments, or with writing the file.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var fix: String
        public var description: String { "error: \(message)\n    fix: \(fix)" }
    }

    /// A file to write, relative to the site's folder.
    public struct File: Sendable, Equatable {
        public var path: String
        public var text: String
    }

    /// `content/hubs/SLUG.md` for a hub; the slug comes from the name ("West Midlands Maths Hub" →
    /// `west-midlands`) unless one is given.
    public static func hub(name: String, region written: String, slug: String? = nil) throws(Problem) -> File {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            throw Problem(message: "the hub has no name", fix: "write it in quotes: hubsite new hub \"West Midlands Maths Hub\" --region \"West Midlands\"")
        }
        guard let region = Region(written: written) else {
            throw Problem(message: "\"\(written)\" is not one of England's nine regions",
                          fix: Region.nearest(to: written).map { "did you mean \"\($0.name)\"?" } ?? Suggestion.hint(for: written, in: Region.allCases.map(\.rawValue)))
        }
        let slug = slug ?? SlugMaker.slug(withoutHubSuffix(name))
        guard ContentFile.isSlug(slug) else {
            throw Problem(message: "\"\(slug)\" cannot be the hub's file name: names are lower-case letters, digits and hyphens",
                          fix: "give one with --slug, e.g. --slug west-midlands")
        }
        let text = """
            ---
            # yaml-language-server: $schema=../../schemas/hub.schema.json
            # The page of \(name): hubs/\(slug)/ in the site. Only name and region are required.
            # Leave out what is not confirmed rather than guess: the page leaves it out too.
            # To add a fact, remove the "# " before its lines and write the hub's own value.
            name: \(yamlScalar(name))
            region: \(region.name)
            # website: https://…                  # the hub's own website
            # areas:                              # the areas it serves, one per line
            #   - …
            # contact:
            #   role: …                           # e.g. Secondary Assistant Maths Hub Lead
            #   email: …
            # apply_url: https://…                # where to apply through the hub; otherwise the sheet's "How to apply"
            # events:                             # local information sessions
            #   - date: …                         # day, month and year, e.g. 14 January 2027
            #     title: …
            #     time: …                         # optional: 16:00, 4pm, or 16:00 to 17:00 (UK time)
            #     place: …                        # optional
            ---

            <!-- Markdown written below this line is shown at the end of the hub's page (optional). -->

            """
        return File(path: "content/hubs/\(slug).md", text: text)
    }

    /// `content/NAME.md`, a page at `NAME/`, titled from the name unless a title is given.
    public static func page(name: String, title: String? = nil) throws(Problem) -> File {
        guard ContentFile.isSlug(name), !reservedPageNames.contains(name) else {
            let slug = SlugMaker.slug(name)
            throw Problem(message: reservedPageNames.contains(name) ? "\"\(name)\" is taken by a page hubsite makes"
                                   : "\"\(name)\" is not a valid page name: page names are lower-case letters, digits and hyphens",
                          fix: slug.isEmpty || reservedPageNames.contains(slug) ? "choose another name" : "write it as \"\(slug)\"")
        }
        let title = title?.trimmingCharacters(in: .whitespaces).isEmpty == false ? title! : name.prefix(1).uppercased() + name.dropFirst().replacingOccurrences(of: "-", with: " ")
        let text = """
            ---
            # yaml-language-server: $schema=../schemas/page.schema.json
            title: \(yamlScalar(title))
            # description: …    # one sentence for search engines and link previews, shown under the title
            ---

            <!-- Write the page in Markdown below this line. Other pages link to it as [\(title)](/\(name)/). -->

            """
        return File(path: "content/\(name).md", text: text)
    }

    /// Writes `file` into the site's folder, refusing to replace anything.
    public static func write(_ file: File, into site: URL) throws(Problem) {
        let url = site.appendingPathComponent(file.path)
        guard FileManager.default.fileExists(atPath: site.appendingPathComponent("site.yml").path) else {
            throw Problem(message: "\(site.path) has no site.yml, so it is not a site's folder",
                          fix: "run the command in the site's folder, or name it with --source")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw Problem(message: exists ? "\(file.path) already exists: it was left as it is" : "cannot write \(file.path): \(SystemError.describe(error))",
                          fix: exists ? "edit that file, or choose another name" : "check that the folder is writable")
        }
    }

    /// Addresses the site already uses for pages of its own.
    static let reservedPageNames: Set<String> = ["index", "hubs", "archive", "assets", "404"]

    /// "West Midlands Maths Hub" → "West Midlands": every hub's name ends so.
    private static func withoutHubSuffix(_ name: String) -> String {
        name.lowercased().hasSuffix(" maths hub") ? String(name.dropLast(" maths hub".count)) : name
    }

    /// A value YAML reads back as the same text: quoted when it could be read otherwise.
    private static func yamlScalar(_ text: String) -> String {
        let special = text.first.map { "&*!|>'\"%@`#-?:[]{},".contains($0) } ?? true
        guard special || text.contains(": ") || text.contains(" #") || text.hasSuffix(":") else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
