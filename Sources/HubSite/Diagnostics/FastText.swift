import Foundation

/// Byte-level text search for the hot paths. On Linux, Foundation's `String.contains(_:)` and
/// `range(of:)` go through NSString and were 30–40% of a whole build; this searches UTF-8 bytes
/// directly and never allocates.
extension StringProtocol {
    func containsBytes(_ needle: String) -> Bool {
        var haystack = String(self)
        var needle = needle
        return haystack.withUTF8 { hay in needle.withUTF8 { pin in ByteSearch.contains(hay, pin) } }
    }
}

enum ByteSearch {
    static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ pin: UnsafeBufferPointer<UInt8>) -> Bool {
        firstIndex(of: pin, in: hay, from: 0) != nil
    }

    /// How many times `byte` occurs in `text`.
    static func count(of byte: UInt8, in text: String) -> Int {
        var text = text
        return text.withUTF8 { count(of: byte, in: $0) }
    }

    static func count(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard var cursor = bytes.baseAddress else { return 0 }
        let end = cursor + bytes.count
        var count = 0
        while cursor < end, let found = memchr(cursor, Int32(byte), end - cursor) {
            count += 1
            cursor = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return count
    }

    /// Whether text (UTF-8, any HTML escaping left in) shows a reader something: not only
    /// spaces, line breaks or no-break spaces. What names a link, for the checker.
    static func holdsVisibleText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var nonASCII = false
        for byte in bytes {
            if byte > 32 && byte < 128 { return true }
            nonASCII = nonASCII || byte >= 128
        }
        return nonASCII && String(decoding: bytes, as: UTF8.self).contains { !$0.isWhitespace }
    }

    /// Where `pin` first starts in `hay` at or after `start`.
    static func firstIndex(of pin: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard !pin.isEmpty else { return start }
        guard pin.count <= hay.count, start <= hay.count - pin.count else { return nil }
        let first = pin[0]
        var index = start
        let last = hay.count - pin.count
        outer: while index <= last {
            if hay[index] == first {
                for offset in 1..<pin.count where hay[index + offset] != pin[offset] {
                    index += 1
                    continue outer
                }
                return index
            }
            index += 1
        }
        return nil
    }
}
