import Foundation

/// Everything hubsite prints goes through here. Control characters from file names, link
/// addresses or YAML values are shown escaped, so no file can move the cursor, erase a line or
/// retitle the terminal; and a reader that went away (`hubsite serve | head -1`) is no crash:
/// the rest is dropped.
enum Terminal {
    static func out(_ line: String) { write(line + "\n", to: STDOUT_FILENO) }
    static func error(_ line: String) { write(line + "\n", to: STDERR_FILENO) }

    static func write(_ text: String, to descriptor: Int32) {
        let bytes = Array(escapingControlCharacters(text).utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// C0 and C1 controls (but line breaks and tabs), DEL, and the bidirectional overrides that can
    /// make text read in another order than it is: `\x1B`, `\u{202E}`.
    static func escapingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isHidden(scalar) else {
                result.append(scalar)
                continue
            }
            let escaped = scalar.value < 0x80 ? String(format: "\\x%02X", scalar.value) : String(format: "\\u{%04X}", scalar.value)
            result.append(contentsOf: escaped.unicodeScalars)
        }
        return String(result)
    }

    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
