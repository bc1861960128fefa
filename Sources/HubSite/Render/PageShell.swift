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
        let bytes = Array(rendered.utf8), pin = Array(marker.utf8)
        let places = occurrences(of: pin, in: bytes[...])
        guard places.count == 1, let start = places.first else { return nil }
        let before = bytes[..<start]
        guard isText(after: before) else { return nil }
        return PageShell(before: Array(before), after: Array(bytes[(start + pin.count)...]))
    }

    /// Where each occurrence of `pin` starts.
    private static func occurrences(of pin: [UInt8], in html: ArraySlice<UInt8>) -> [Int] {
        html.withUnsafeBufferPointer { bytes in
            pin.withUnsafeBufferPointer { pin in
                var found: [Int] = []
                var from = 0
                while from <= bytes.count, let next = TextBytes.firstIndex(of: pin, in: UnsafeBufferPointer(rebasing: bytes[from...])) {
                    found.append(from + next)
                    from += next + 1
                }
                return found
            }
        }
    }

    /// Whether the HTML ends outside any tag, comment, script or style.
    private static func isText(after html: ArraySlice<UInt8>) -> Bool {
        func last(_ text: String) -> Int {
            let pin = Array(text.utf8)
            var index = html.endIndex - pin.count
            while index >= html.startIndex, !html[index..<(index + pin.count)].elementsEqual(pin) { index -= 1 }
            return index
        }
        return last(">") >= last("<") && last("-->") >= last("<!--")
            && last("</script") >= last("<script") && last("</style") >= last("<style")
    }
}
