import Foundation

/// Reads the tags of an HTML page: enough to check links, ids, images and headings in pages
/// this generator wrote. It is not a general HTML parser: it knows comments, quoted
/// attributes, that `<script>` and `<style>` hold no tags and that `<template>` is inert.
struct HTMLScanner {
    /// The attributes the scan keeps; the others (class, datetime, …) are skipped, so most tags
    /// of a page cost no allocation. (A list: hashing each name cost more than it saved.)
    static let valuedAttributes: [StaticString] = ["id", "href", "src", "alt", "rel", "aria-label", "aria-labelledby"]

    static func events(in html: String) -> [HTML.Event] {
        var events: [HTML.Event] = []
        scan(Array(html.utf8)) { events.append($0) }
        return events
    }

    /// Calls `visit` for each tag and each stretch of visible text, in order.
    static func scan(_ bytes: [UInt8], visit: (HTML.Event) -> Void) {
        bytes.withUnsafeBufferPointer { scan($0, visit: visit) }
    }

    static func scan(_ bytes: ArraySlice<UInt8>, visit: (HTML.Event) -> Void) {
        bytes.withUnsafeBufferPointer { scan($0, visit: visit) }
    }

    static func scan(_ html: String, visit: (HTML.Event) -> Void) {
        var html = html
        html.withUTF8 { scan($0, visit: visit) }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, visit: (HTML.Event) -> Void) {
        var index = 0
        var line = 1
        var lineStart = 0
        var textStart = 0

        func flushText(upTo end: Int) {
            if textStart < end, TextBytes.holdsVisibleText(UnsafeBufferPointer(rebasing: bytes[textStart..<end])) { visit(.text) }
        }
        func advance(to end: Int) {
            let stop = min(end, bytes.count)
            guard index < stop else { return }
            let skipped = UnsafeBufferPointer(rebasing: bytes[index..<stop])
            let newlines = TextBytes.count(of: 10, in: skipped)
            if newlines > 0 {
                line += newlines
                lineStart = index + skipped.lastIndex(of: 10)! + 1
            }
            index = stop
        }

        while index < bytes.count {
            // memchr to the next "<"; the line count catches up over the bytes skipped.
            guard let found = memchr(bytes.baseAddress! + index, Int32(UInt8(ascii: "<")), bytes.count - index) else {
                advance(to: bytes.count)
                break
            }
            advance(to: bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self)))
            flushText(upTo: index)
            if starts(bytes, at: index, with: "<!--") {
                advance(to: find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? bytes.count)
            } else if starts(bytes, at: index, with: "<!") || starts(bytes, at: index, with: "<?") {
                advance(to: (find(bytes, ">", from: index) ?? bytes.count) + 1)
            } else {
                switch parseTag(bytes, at: index, line: line, column: index - lineStart + 1) {
                case .tag(let tag, let end):
                    visit(.tag(tag))
                    advance(to: end)
                    // Scripts and styles hold no tags; a template's content is inert: browsers never
                    // follow its links until a script copies it into the page.
                    switch tag.isClosing ? "" : tag.name {
                    case "script": advance(to: find(bytes, "</script", from: index) ?? bytes.count)
                    case "style": advance(to: find(bytes, "</style", from: index) ?? bytes.count)
                    case "template": advance(to: find(bytes, "</template", from: index) ?? bytes.count)
                    default: break
                    }
                case .unterminated:
                    // The file ends inside this tag: browsers drop it, and trying again at each
                    // "<" within it would read the rest of the file once per "<".
                    advance(to: bytes.count)
                case nil:
                    // Not a tag ("a < b"): text.
                    advance(to: index + 1)
                    textStart = index - 1
                    continue
                }
            }
            textStart = index
        }
        flushText(upTo: bytes.count)
    }

    private enum TagParse {
        case tag(HTML.Tag, end: Int)
        /// The file ends inside it.
        case unterminated
    }

    /// The tag at `start`, or nil when what follows "<" is not a tag name.
    private static func parseTag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, line: Int, column: Int) -> TagParse? {
        var index = start + 1
        let isClosing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
        if isClosing { index += 1 }
        let nameStart = index
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        guard index > nameStart else { return nil }
        let name = lowercased(bytes, nameStart..<index)
        var attributes = HTML.Attributes()
        // Where the value starting at `offset` stands: a tag may run over several lines.
        func place(of offset: Int) -> (line: Int, column: Int) {
            let inside = UnsafeBufferPointer(rebasing: bytes[start..<offset])
            guard let newline = inside.lastIndex(of: 10) else { return (line, column + offset - start) }
            return (line + TextBytes.count(of: 10, in: inside), offset - start - newline)
        }
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < bytes.count else { break }
            if bytes[index] == UInt8(ascii: ">") { return .tag(HTML.Tag(name: name, attributes: attributes, isClosing: isClosing, line: line, column: column), end: index + 1) }
            let attributeStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") { index += 1 }
            let attribute = lowercased(bytes, attributeStart..<index)
            var valueRange = index..<index
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let valueStart = index + 1
                    index = valueStart
                    while index < bytes.count, bytes[index] != quote { index += 1 }
                    valueRange = valueStart..<min(index, bytes.count)
                    index += 1
                } else {
                    let valueStart = index
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    valueRange = valueStart..<index
                }
            }
            if valuedAttributes.contains(where: { UnsafeBufferPointer(start: $0.utf8Start, count: $0.utf8CodeUnitCount).elementsEqual(attribute.utf8) }),
               attributes[attribute] == nil {
                let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueRange]), as: UTF8.self)
                let value = HTMLEntities.decode(written)
                let (valueLine, valueColumn) = place(of: valueRange.lowerBound)
                attributes.list.append(HTML.Attribute(name: attribute, value: value, written: value == written ? nil : written,
                                                 line: valueLine, column: valueColumn))
            }
        }
        return .unterminated
    }

    /// ASCII letters lowercased without going through Unicode case mapping.
    private static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard slice.contains(where: { $0 >= 65 && $0 <= 90 }) else { return String(decoding: slice, as: UTF8.self) }
        return String(decoding: slice.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        TextBytes.isLetterOrDigit(byte) || byte == UInt8(ascii: "-")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12
    }

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with prefix: StaticString) -> Bool {
        guard index + prefix.utf8CodeUnitCount <= bytes.count else { return false }
        let start = prefix.utf8Start
        for offset in 0..<prefix.utf8CodeUnitCount where bytes[index + offset] != start[offset] { return false }
        return true
    }

    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString, from start: Int) -> Int? {
        TextBytes.firstIndex(of: UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount),
                            in: UnsafeBufferPointer(rebasing: bytes[start...])).map { start + $0 }
    }
}

/// Character references in attribute values, decoded as a browser decodes them before it
/// follows a link: `key&#45;dates.ics` is `key-dates.ics`.
enum HTMLEntities {
    /// The longest reference HTML names is `&CounterClockwiseContourIntegral;`, 33 bytes.
    private static let longestReference = 40

    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var result = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let candidate = rest[ampersand...].prefix(longestReference)
            if let semicolon = candidate.firstIndex(of: ";"),
               let decoded = CommonMark.decodeCharacterReference(String(rest[ampersand...semicolon])) {
                result += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest[rest.index(after: ampersand)...]
            }
        }
        return result + rest
    }
}
