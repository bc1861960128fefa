import Foundation

/// `hubsite new hub` and `hubsite new page`: a complete, commented file that builds as it is.
/// Only what the editor gave is filled in; everything else is a comment saying what to write,
/// never a made-up value.
public enum NewContent {
    /// What is wrong with the command's arguments, or with writing the file.
    /// A file to write, relative to the site's folder.
    public struct File: Sendable, Equatable {
        public var path: String
        public var text: String
    }

    /// `content/hubs/SLUG.md` for a hub; the slug comes from the name ("West Midlands Maths Hub" →
    /// `west-midlands`) unless one is given.
    public static func hub(name: String, region written: String, slug: String? = nil) throws(Problem) -> File {
        try refuseControlCharacters(["the name": name, "--region": written, "--slug": slug ?? ""])
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            throw Problem(message: "the hub has no name", fix: "write it in quotes: hubsite new hub \"West Midlands Maths Hub\" --region \"West Midlands\"")
        }
        guard let region = Region(written: written) else {
            throw Problem(message: "\"\(written)\" is not one of England's nine regions",
                          fix: Region.nearest(to: written).map { "did you mean \"\($0.name)\"?" } ?? Suggestion.hint(for: written, in: Region.allCases.map(\.rawValue)))
        }
        if slug == nil, let letter = name.unicodeScalars.first(where: { $0.properties.isAlphabetic && !isLatin($0) }) {
            throw Problem(message: "the name holds \"\(letter)\" (U+\(String(letter.value, radix: 16, uppercase: true))), a letter of another alphabet that may look like a Latin one, so the file name made from it would lose it",
                          fix: "type the name again on an English keyboard, or give the file name with --slug")
        }
        let slug = slug ?? SlugMaker.slug(withoutHubSuffix(name))
        guard ContentFile.isSlug(slug), slug != "index" else {
            throw Problem(message: slug == "index" ? "\"index\" cannot be a hub's file name: content/hubs/index.md introduces the list of hubs"
                                   : "\"\(slug)\" cannot be the hub's file name: names are lower-case letters, digits and hyphens",
                          fix: "give one with --slug, e.g. --slug west-midlands")
        }
        guard slug.utf8.count <= maximumNameLength else {
            throw Problem(message: "the file name \"\(slug.prefix(40))…\" made from the name is \(slug.utf8.count) characters long; at most \(maximumNameLength) fit in an address",
                          fix: "give a shorter one with --slug, e.g. --slug west-midlands")
        }
        let text = """
            ---
            # yaml-language-server: $schema=../../schemas/hub.schema.json
            # This hub's page is hubs/\(slug)/ in the site. Only name and region are required.
            # Leave out what is not confirmed rather than guess: the page leaves it out too.
            # To add a fact, remove the "# " before its lines and write the hub's own value.
            name: \(yamlScalar(name))
            region: \(region.name)
            # draft: true                         # keeps the hub out of the published site while its facts are confirmed; serve still shows it
            # website: https://…                  # the hub's own website
            # areas:                              # the areas it serves, one per line
            #   - …
            # contacts:                           # the people to ask; any line of each may be left out
            #   - name: …
            #     role: …                         # e.g. Secondary Assistant Maths Hub Lead
            #     email: …
            #     phone: …                        # a UK number, e.g. 01234 567890: readers can tap it to call
            # apply_url: https://…                # where to apply through the hub; otherwise the sheet's "How to apply"
            # applications_open: …                # only if the hub's window differs from site.yml's, e.g. 5 January 2027
            # applications_close: …               # the hub's own deadline, e.g. 5pm on 12 March 2027
            # documents:                          # to download: a file put in content/hubs/\(slug)/, or an address
            #   - title: …                        # e.g. Information sheet
            #     file: …                         # e.g. information-sheet.pdf (its type and size are shown)
            # events:                             # local information sessions
            #   - date: …                         # day, month and year, e.g. 14 January 2027 or Thu 14 Jan 2027
            #     title: …
            #     time: …                         # optional: 16:00, 4pm, or 16:00 to 17:00 (UK time)
            #     place: …                        # optional
            #     online: true                    # optional: held online
            #     booking_url: https://…          # optional: where to book a place
            # aliases:                            # old addresses of this page, if it moved: they send readers here
            #   - /hubs/old-name/
            ---

            <!-- Markdown written below this line is shown at the end of the hub's page (optional). -->

            """
        return File(path: "content/hubs/\(slug).md", text: text)
    }

    /// `content/NAME.md`, a page at `NAME/`, titled from the name unless a title is given.
    public static func page(name: String, title: String? = nil) throws(Problem) -> File {
        try refuseControlCharacters(["the name": name, "--title": title ?? ""])
        guard name.utf8.count <= maximumNameLength else {
            throw Problem(message: "the page name is \(name.utf8.count) characters long; at most \(maximumNameLength) fit in an address", fix: "choose a shorter name")
        }
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

            <!-- Write the page in Markdown below this line. Other pages link to it as [its title](/\(name)/). -->

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

    /// A value YAML reads back as the same text, whatever it holds: always double-quoted.
    private static func yamlScalar(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// File names longer than this do not fit in many file systems once folders are added.
    static let maximumNameLength = 100

    /// A line break in an argument would write lines of its own into the file (a second
    /// `apply_url:`); no argument has a use for any control character.
    private static func refuseControlCharacters(_ arguments: [String: String]) throws(Problem) {
        for (what, text) in arguments.sorted(by: { $0.key < $1.key }) where text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw Problem(message: "\(what) holds a line break or another control character, which would change the file's other lines",
                          fix: "write it on one line, with ordinary characters only")
        }
    }

    private static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII || (0xC0...0x24F).contains(scalar.value) || (0x1E00...0x1EFF).contains(scalar.value)
    }
}
