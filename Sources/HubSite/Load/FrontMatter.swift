/// A content file split into its YAML front matter and its Markdown body.
struct FrontMatterSplit: Sendable {
    /// The YAML between the `---` lines, or nil when the file has none.
    var yaml: String?
    /// Line of the file on which the YAML starts (the line after the opening `---`).
    var yamlFirstLine: Int
    var body: String
    /// Line of the file on which the body starts: cmark counts from 1 here.
    var bodyFirstLine: Int

    /// Splits `file`; front matter opens with `---` on the first line and closes with `---`
    /// (or `...`) on a line of its own.
    static func split(_ file: SourceFile) -> Result<FrontMatterSplit, Diagnostic> {
        let text = file.text
        if text.hasPrefix("+++") {
            return .failure(Diagnostic(
                at: SourceLocation(file: file.path), "front matter opens with \"+++\" (TOML), but hubsite reads YAML",
                fix: "write the front matter as YAML between two lines of \"---\""))
        }
        guard isFence(firstLine(of: text[...]), closing: false) else {
            return .success(FrontMatterSplit(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1))
        }
        var lineNumber = 1
        var rest = text[...]
        rest = rest[afterLine(of: rest)...]
        let yamlStart = rest.startIndex
        while !rest.isEmpty {
            lineNumber += 1
            let line = firstLine(of: rest)
            let next = afterLine(of: rest)
            if isFence(line, closing: true) {
                return .success(FrontMatterSplit(
                    yaml: String(text[yamlStart..<rest.startIndex]), yamlFirstLine: 2,
                    body: String(text[next...]), bodyFirstLine: lineNumber + 1))
            }
            rest = rest[next...]
        }
        return .failure(Diagnostic(
            at: SourceLocation(file: file.path, line: 1, column: 1),
            "the front matter opened by \"---\" on line 1 is never closed",
            fix: "add a line \"---\" after the last front-matter key (did you forget it?)"))
    }

    // Lines are found on UTF-8 bytes: finding "\n" as a Character means grapheme breaking.
    private static func firstLine(of text: Substring) -> Substring {
        text[..<(text.utf8.firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex)]
    }

    /// Where the line after the first one starts.
    private static func afterLine(of text: Substring) -> Substring.Index {
        text.utf8.firstIndex(of: UInt8(ascii: "\n")).map { text.utf8.index(after: $0) } ?? text.endIndex
    }

    private static func isFence(_ line: Substring, closing: Bool) -> Bool {
        var bytes = line.utf8[...]
        while let last = bytes.last, last == 32 || last == 9 { bytes = bytes.dropLast() }
        return bytes.elementsEqual("---".utf8) || (closing && bytes.elementsEqual("...".utf8))
    }
}
