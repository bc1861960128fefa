import Foundation

/// Reads the tags of an HTML page: enough to check links, ids, images and headings in pages
/// this generator wrote. It is not a general HTML parser: it knows comments, quoted
/// attributes, and that `<script>` and `<style>` hold no tags.
struct HTMLScanner {
    struct Tag {
        var name: String
        var attributes: [String: String]
        var isClosing: Bool
        /// Line in the HTML file, from 1.
        var line: Int
    }

    enum Event {
        case tag(Tag)
        case text(String)
    }

    static func events(in html: String) -> [Event] {
        events(in: Array(html.utf8))
    }

    static func events(in bytes: [UInt8]) -> [Event] {
        var events: [Event] = []
        var index = 0
        var line = 1
        var textStart = 0

        func flushText(upTo end: Int) {
            // Only whether there is text matters to the checker (is a link empty?), not what it says.
            if end > textStart, bytes[textStart..<end].contains(where: { $0 > 32 }) {
                events.append(.text(String(decoding: bytes[textStart..<end], as: UTF8.self)))
            }
        }
        func advance(to end: Int) {
            while index < end && index < bytes.count {
                if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                index += 1
            }
        }

        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { advance(to: index + 1); continue }
            flushText(upTo: index)
            if starts(bytes, at: index, with: "<!--") {
                advance(to: find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? bytes.count)
            } else if starts(bytes, at: index, with: "<!") || starts(bytes, at: index, with: "<?") {
                advance(to: (find(bytes, ">", from: index) ?? bytes.count) + 1)
            } else if let (tag, end) = parseTag(bytes, at: index, line: line) {
                events.append(.tag(tag))
                advance(to: end)
                if !tag.isClosing, tag.name == "script" || tag.name == "style" {
                    advance(to: find(bytes, "</\(tag.name)", from: index) ?? bytes.count)
                }
            } else {
                advance(to: index + 1)
                textStart = index - 1
                continue
            }
            textStart = index
        }
        flushText(upTo: bytes.count)
        return events
    }

    private static func parseTag(_ bytes: [UInt8], at start: Int, line: Int) -> (Tag, Int)? {
        var index = start + 1
        let isClosing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
        if isClosing { index += 1 }
        let nameStart = index
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        guard index > nameStart else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        var attributes: [String: String] = [:]
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < bytes.count else { break }
            if bytes[index] == UInt8(ascii: ">") { return (Tag(name: name, attributes: attributes, isClosing: isClosing, line: line), index + 1) }
            let attributeStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") { index += 1 }
            let attribute = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
            var value = ""
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let valueStart = index + 1
                    index = valueStart
                    while index < bytes.count, bytes[index] != quote { index += 1 }
                    value = String(decoding: bytes[valueStart..<min(index, bytes.count)], as: UTF8.self)
                    index += 1
                } else {
                    let valueStart = index
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                }
            }
            if !attribute.isEmpty { attributes[attribute] = HTMLEntities.decode(value) }
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 45
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12
    }

    private static func starts(_ bytes: [UInt8], at index: Int, with prefix: StaticString) -> Bool {
        guard index + prefix.utf8CodeUnitCount <= bytes.count else { return false }
        let start = prefix.utf8Start
        for offset in 0..<prefix.utf8CodeUnitCount where bytes[index + offset] != start[offset] { return false }
        return true
    }

    private static func find(_ bytes: [UInt8], _ needle: String, from start: Int) -> Int? {
        let needle = Array(needle.utf8)
        return bytes.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { ByteSearch.firstIndex(of: $0, in: hay, from: start) }
        }
    }
}

/// The character references cmark and swift-mustache write into attributes.
enum HTMLEntities {
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var result = text
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result
    }
}
