/// Questions asked of UTF-8 text as it stands in the HTML, on every page.
enum TextBytes {
    /// Where `needle` first starts in `bytes`. Not the standard library's `firstRange(of:)`:
    /// it is not specialised for bytes, and with it a 10,000-page build took 3.3 × as long
    /// (Tests/bench/README.md).
    static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first else { return 0 }
        guard needle.count <= bytes.count else { return nil }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    static func contains(_ needle: String, in text: String) -> Bool {
        var text = text, needle = needle
        return text.withUTF8 { bytes in needle.withUTF8 { firstIndex(of: $0, in: bytes) != nil } }
    }

    /// Whether `needle` (lowercase ASCII letters) occurs in `text` in any case.
    static func containsCaseInsensitive(_ needle: String, in text: String) -> Bool {
        let word = Array(needle.utf8)
        guard let first = word.first else { return true }
        var text = text
        return text.withUTF8 { bytes in
            guard word.count <= bytes.count else { return false }
            for index in 0...(bytes.count - word.count) where bytes[index] | 0x20 == first {
                if (0..<word.count).allSatisfy({ bytes[index + $0] | 0x20 == word[$0] }) { return true }
            }
            return false
        }
    }

    /// How many times `byte` occurs in `bytes`.
    static func count(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.reduce(0) { $1 == byte ? $0 + 1 : $0 }
    }

    static func count(of byte: UInt8, in text: String) -> Int {
        var text = text
        return text.withUTF8 { count(of: byte, in: $0) }
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

    /// An ASCII letter.
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// An ASCII letter or digit: what a word is made of where dates and numbers are read.
    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
