#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif
import Foundation

/// Opening files and folders without ever following a symbolic link, relative to a folder
/// that is already open: another process that swaps a link into the output folder while a
/// build runs makes that build fail, never write through the link.
enum NoFollow {
    /// Opens the folder `name` inside `parent`, making it first when `create` is set.
    static func folder(_ name: String, in parent: Int32, create: Bool) throws -> Int32 {
        if create, mkdirat(parent, name, 0o755) != 0, errno != EEXIST { throw posixError() }
        let descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw posixError() }
        return descriptor
    }

    /// Opens a folder by its path; its last component must not be a link.
    static func folder(atPath path: String) throws -> Int32 {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw posixError() }
        return descriptor
    }

    /// Writes a new file `name` inside `parent`; fails if anything of that name is there.
    static func writeNewFile(_ name: String, in parent: Int32, contents: some ContiguousBytes) throws {
        let descriptor = openat(parent, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw posixError() }
        defer { close(descriptor) }
        try writeAll(contents, to: descriptor)
    }

    static func writeAll(_ contents: some ContiguousBytes, to descriptor: Int32) throws {
        try contents.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw posixError()
                }
                offset += written
            }
        }
    }

    /// The file's bytes if it is a regular file (not a link, a FIFO or a device), at most `limit` of them.
    static func readRegularFile(atPath path: String, limit: Int = 1 << 16) -> Data? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        var buffer = [UInt8](repeating: 0, count: limit)
        let count = read(descriptor, &buffer, limit)
        return count < 0 ? nil : Data(buffer[..<count])
    }

    static func posixError(_ code: Int32 = errno) -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
    }
}
