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
        guard let start = firstIndex(of: pin, in: bytes[...]), firstIndex(of: pin, in: bytes[(start + 1)...]) == nil else { return nil }
        let before = bytes[..<start]
        guard isText(after: before) else { return nil }
        return PageShell(before: Array(before), after: Array(bytes[(start + pin.count)...]))
    }

    /// Where `pin` first starts in `html`, as an index of `html`.
    private static func firstIndex(of pin: [UInt8], in html: ArraySlice<UInt8>) -> Int? {
        html.withUnsafeBufferPointer { bytes in
            pin.withUnsafeBufferPointer { TextBytes.firstIndex(of: $0, in: bytes) }
        }.map { html.startIndex + $0 }
    }

    /// Whether the HTML ends outside any tag, comment, script or style.
    private static func isText(after html: ArraySlice<UInt8>) -> Bool {
        /// Where `text` last starts in the HTML, searched from the end; -1 when it is not there.
        func last(_ text: StaticString) -> Int {
            html.withUnsafeBufferPointer { bytes in
                TextBytes.lastIndex(of: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount), in: bytes) ?? -1
            }
        }
        return last(">") >= last("<") && last("-->") >= last("<!--")
            && last("</script") >= last("<script") && last("</style") >= last("<style")
    }
}
