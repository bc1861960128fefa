import Foundation

/// A page's template rendered around a stand-in for its body: the template's HTML before and
/// after the body. The link checker then reads only that, and takes the body's facts from its
/// outline (see `OutlinePiece`), which is most of the HTML of most pages left unread.
struct PageShell {
    var before: [UInt8]
    var after: [UInt8]

    /// Stands in for the body. Its "<" is escaped by `{{page.body}}`, and upper- and lower-case
    /// letters are changed by any transform, so the stand-in is found only where the body would
    /// have been written as it is. Random per run, so no value an editor writes can hold it; it
    /// never reaches the output.
    static let marker = "<hubsite-Body-\(UUID().uuidString)>"

    /// The parts around the single place `rendered` holds the marker, if that place is in text
    /// (not inside a tag, comment, script or style); nil otherwise.
    static func split(_ rendered: String) -> PageShell? {
        var rendered = rendered
        return rendered.withUTF8 { bytes -> PageShell? in
            marker.utf8.withContiguousStorageIfAvailable { pin -> PageShell? in
                guard let start = ByteSearch.firstIndex(of: pin, in: bytes, from: 0),
                      ByteSearch.firstIndex(of: pin, in: bytes, from: start + 1) == nil
                else { return nil }
                let before = UnsafeBufferPointer(rebasing: bytes[..<start])
                guard isText(after: before) else { return nil }
                return PageShell(before: Array(before), after: Array(bytes[(start + pin.count)...]))
            } ?? nil
        }
    }

    /// Whether the HTML ends outside any tag, comment, script or style.
    private static func isText(after html: UnsafeBufferPointer<UInt8>) -> Bool {
        func last(_ text: StaticString) -> Int {
            let pin = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
            var found = -1
            while let next = ByteSearch.firstIndex(of: pin, in: html, from: found + 1) { found = next }
            return found
        }
        return last(">") >= last("<") && last("-->") >= last("<!--")
            && last("</script") >= last("<script") && last("</style") >= last("<style")
    }
}
