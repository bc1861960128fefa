/// A content file: where it sits in the built site, its front matter and its Markdown.
struct ContentFile: Sendable {
    /// `content/accessibility.md`
    var path: String
    /// Folder of the page in the built site: "" for `content/index.md`, `accessibility/` for `content/accessibility.md`.
    var urlPath: String
    var split: FrontMatterSplit
    /// What the page is; follows from `urlPath`, except for an archived copy of the sheet.
    var kind: Page.Kind

    /// Reads and splits the content file listed as `entry`.
    static func read(_ entry: SiteBuilder.ContentEntry) -> Result<ContentFile, Diagnostic> {
        SourceFile.read(atPath: entry.absolutePath, as: entry.path).flatMap(FrontMatterSplit.split).map { split in
            ContentFile(path: entry.path, urlPath: entry.urlPath, split: split, kind: entry.kind)
        }
    }

    /// How many folders below the root the page's `index.html` sits.
    var depth: Int { URLPathDepth.of(urlPath) }

    /// `index.md` → "", `accessibility.md` → `accessibility/`, `guides/index.md` → `guides/`.
    /// Every folder and file name must be a plain slug, so no name can lead outside public/.
    static func urlPath(forContentPath path: String) -> Result<String, Diagnostic> {
        // Split on bytes: "/" is ASCII, and splitting by Character was most of listing a large site.
        var parts = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { String(Substring($0)) }
        let location = SourceLocation(file: "content/" + path)
        guard let last = parts.last, last.hasSuffix(".md") else {
            return .failure(Diagnostic(at: location, "not a Markdown file"))
        }
        parts[parts.count - 1] = String(last.dropLast(3))
        if parts.last == "index" { parts.removeLast() }
        for part in parts where !isSlug(part) {
            let suggestion = SlugMaker.slug(part).isEmpty ? "my-page" : SlugMaker.slug(part)
            return .failure(Diagnostic(at: location, "\"\(part)\" is not a valid page name: page names are lower-case letters, digits and hyphens",
                                       fix: "rename it, e.g. to \"\(suggestion)\""))
        }
        return .success(parts.map { $0 + "/" }.joined())
    }

    static func isSlug(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix("-") && !name.hasSuffix("-")
            && name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }
}

/// Where a source file is published, for the preview: `content/hubs/solent.md` → `/hubs/solent/`.
public enum PageAddress {
    /// Nil for anything that is not a page's Markdown under `content/`.
    public static func of(source path: String) -> String? {
        guard path.hasPrefix("content/"), case .success(let urlPath) = ContentFile.urlPath(forContentPath: String(path.dropFirst("content/".count))) else {
            return nil
        }
        return "/" + urlPath
    }
}
