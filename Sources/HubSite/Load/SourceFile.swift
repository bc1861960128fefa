import Foundation

/// A text file of the site's sources, read as UTF-8 with line endings made `\n`.
struct SourceFile: Sendable {
    /// Path relative to the site folder, as messages show it: `content/index.md`.
    var path: String
    var text: String

    /// Reads `url`; a missing, unreadable or non-UTF-8 file is a diagnostic that says where.
    static func read(_ url: URL, as path: String) -> Result<SourceFile, Diagnostic> {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return .failure(Diagnostic(at: SourceLocation(file: path), "cannot read the file: \(error.localizedDescription)",
                                       fix: "check that the file exists and that you may read it"))
        }
        return decode(data, as: path)
    }

    static func decode(_ data: Data, as path: String) -> Result<SourceFile, Diagnostic> {
        decode([UInt8](data), as: path)
    }

    static func decode(_ bytes: [UInt8], as path: String) -> Result<SourceFile, Diagnostic> {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // Validating is fast; finding where the bad byte is only matters when there is one.
        if String(validating: bytes, as: UTF8.self) == nil, let bad = firstInvalidUTF8(bytes) {
            return .failure(Diagnostic(
                at: location(ofByte: bad, in: bytes, file: path),
                "the file is not UTF-8 text (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) cannot start or continue a character)",
                fix: "save the file as UTF-8 in your editor (\"Save with encoding\" → UTF-8)"
            ))
        }
        if bytes.contains(UInt8(ascii: "\r")) {
            bytes = normalizedLineEndings(bytes)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return .success(SourceFile(path: path, text: text))
    }

    /// "\r\n" and a lone "\r" become "\n".
    private static func normalizedLineEndings(_ bytes: [UInt8]) -> [UInt8] {
        var result = [UInt8]()
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\r") {
                result.append(UInt8(ascii: "\n"))
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
            } else {
                result.append(bytes[index])
            }
            index += 1
        }
        return result
    }

    /// Index of the first byte that is not part of well-formed UTF-8, or nil.
    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private static func location(ofByte offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return SourceLocation(file: file, line: line, column: offset - lineStart + 1)
    }
}
