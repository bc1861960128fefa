#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif
import Foundation

/// Where built files go as soon as they are made, so a build never holds the whole site in
/// memory: a folder for `hubsite build`, memory for `render()` (tests, `hubsite serve`).
protocol OutputSink: Sendable {
    func write(_ file: OutputFile) throws
}

/// Keeps every file, for an in-memory build.
final class MemorySink: OutputSink {
    private let lock = NSLock()
    nonisolated(unsafe) private var files: [OutputFile] = []

    func write(_ file: OutputFile) throws {
        lock.withLock { files.append(file) }
    }

    var sortedFiles: [OutputFile] { lock.withLock { files }.sorted { $0.path < $1.path } }
}

/// Writes each file into a folder with POSIX calls, from any thread. Not FileManager and
/// `Data.write`: with them a 10,000-page build on ext4 took 1.2 × as long (Tests/bench/README.md).
final class FolderSink: OutputSink {
    let folder: String
    // NSLock rather than Mutex: ThreadSanitizer understands pthread locks, not Mutex's futex.
    private let lock = NSLock()
    nonisolated(unsafe) private var madeFolders: Set<String> = []
    nonisolated(unsafe) private var writtenPaths: Set<String> = []

    /// Every file written, relative to the folder.
    var written: Set<String> { lock.withLock { writtenPaths } }

    init(folder: URL) {
        self.folder = folder.path
    }

    func write(_ file: OutputFile) throws {
        let path = folder + "/" + file.path
        if let slash = file.path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            try makeFolders(folder + "/" + file.path[..<slash])
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        try file.contents.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += written
            }
        }
        lock.withLock { _ = writtenPaths.insert(file.path) }
    }

    /// `mkdir -p`, remembering what exists so each folder costs one system call.
    private func makeFolders(_ path: String) throws {
        if lock.withLock({ madeFolders.contains(path) }) { return }
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), path.utf8[..<slash].count > folder.utf8.count {
            try makeFolders(String(path[..<slash]))
        }
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        lock.withLock { _ = madeFolders.insert(path) }
    }
}
