#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif
import Foundation

/// A text file of the site's sources, read as UTF-8 with line endings made `\n`.
struct SourceFile: Sendable {
    /// Path relative to the site folder, as messages show it: `content/index.md`.
    var path: String
    var text: String

    /// Reads `url`; a missing, unreadable or non-UTF-8 file is a diagnostic that says where.
    static func read(_ url: URL, as path: String) -> Result<SourceFile, Diagnostic> {
        read(atPath: url.path, as: path)
    }

    static func read(atPath absolutePath: String, as path: String) -> Result<SourceFile, Diagnostic> {
        switch readBytes(atPath: absolutePath) {
        case .success(let bytes): return decode(bytes, as: path)
        case .failure(let problem): return .failure(Diagnostic(at: SourceLocation(file: path), problem))
        }
    }

    /// The whole file, read with one `open` and as few `read`s as its size allows. Each failure
    /// says what happened in an editor's words: between listing `content/` and reading a file,
    /// the file may have been deleted, renamed or replaced by a folder.
    static func readBytes(atPath path: String) -> Result<[UInt8], Problem> {
        // Links are not followed: one could lead outside the site's folder.
        // Nor does it wait: opening a named pipe (FIFO) would block until something writes to it.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(problem(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(problem(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            break
        case S_IFDIR:
            return .failure(Problem(message: "this is no longer a file (it was replaced by a folder during the build)",
                                        fix: "put the file back, then build again"))
        default:
            return .failure(Problem(message: "this is not a plain file but a named pipe, a socket or a device, which hubsite does not read",
                                        fix: "replace it with a plain file"))
        }
        // One read of the size fstat gave, plus one byte to see the end of the file in the same call.
        let expected = max(Int(status.st_size), 0)
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                let got = systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0, errno == EINTR { continue }
                if got < 0 { failure = errno }
                if got <= 0 { return }
                count += got
            }
        }
        // The file grew after fstat: read the rest.
        if failure == 0, bytes.count > expected {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let got = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
                if got < 0, errno == EINTR { continue }
                if got < 0 { failure = errno }
                if got <= 0 { break }
                bytes += chunk[..<got]
            }
        }
        return failure == 0 ? .success(bytes) : .failure(problem(failure))
    }

    private static func problem(_ code: Int32) -> Problem {
        switch code {
        case ENOENT, ENOTDIR:
            return Problem(message: "the file disappeared: it was deleted or renamed while the site was being built",
                               fix: "if that was on purpose, build again; otherwise restore the file")
        case EACCES, EPERM:
            return Problem(message: "you may not read this file (permission denied)", fix: "check the file's permissions: chmod a+r FILE")
        case ELOOP:
            return FileTree.linkMessage(copyInto: "the site's folder")
        case EISDIR:
            return Problem(message: "this is a folder, not a file", fix: "rename the folder so that its name does not end in .md")
        default:
            return Problem(message: "cannot read the file: \(String(cString: strerror(code)))",
                               fix: "check that the file exists and that you may read it")
        }
    }

    static func decode(_ bytes: [UInt8], as path: String) -> Result<SourceFile, Diagnostic> {
        var bytes = bytes
        // Some tools add a byte-order mark to a file that has one already.
        var marks = 0
        while bytes[(marks * 3)...].starts(with: [0xEF, 0xBB, 0xBF]) { marks += 1 }
        if marks > 0 { bytes.removeFirst(marks * 3) }
        // UTF-16 without a byte-order mark is valid UTF-8 (letters with zero bytes between them),
        // so it would read as a page with no front matter: say what it is instead.
        if isUTF16(bytes) {
            return .failure(Diagnostic(
                at: SourceLocation(file: path, line: 1, column: 1),
                "the file is saved as UTF-16 text; hubsite reads UTF-8",
                fix: "save the file as UTF-8 in your editor (\"Save with encoding\" → UTF-8)"
            ))
        }
        // Validating is fast; finding where the bad byte is only matters when there is one.
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8(bytes) ?? 0
            return .failure(Diagnostic(
                at: location(ofByte: bad, in: bytes, file: path),
                "the file is not UTF-8 text (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) cannot start or continue a character)",
                fix: "save the file as UTF-8 in your editor (\"Save with encoding\" → UTF-8)"
            ))
        }
        let hasCarriageReturn = bytes.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { memchr($0, Int32(UInt8(ascii: "\r")), buffer.count) != nil } ?? false }
        guard hasCarriageReturn else { return .success(SourceFile(path: path, text: text)) }
        return .success(SourceFile(path: path, text: String(decoding: normalizedLineEndings(bytes), as: UTF8.self)))
    }

    /// A byte-order mark of UTF-16, or text whose first characters alternate with zero bytes
    /// (what UTF-16 makes of English without a mark). Text never holds zero bytes.
    static func isUTF16(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
        let head = bytes.prefix(256)
        guard head.count >= 4 else { return false }
        let zerosAtEven = stride(from: head.startIndex, to: head.endIndex, by: 2).count { head[$0] == 0 }
        let zerosAtOdd = stride(from: head.startIndex + 1, to: head.endIndex, by: 2).count { head[$0] == 0 }
        return max(zerosAtEven, zerosAtOdd) * 2 >= head.count / 2
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
