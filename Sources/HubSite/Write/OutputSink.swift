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

/// Writes each file as a new file into a freshly made folder, from any thread, relative to
/// the folder's open descriptor and never through a link (NoFollow). POSIX calls rather than
/// FileManager and `Data.write`: with them a 10,000-page build on ext4 took 1.2 × as long
/// (Tests/bench/README.md).
final class FolderSink: OutputSink {
    private let root: Int32
    // NSLock rather than Mutex: ThreadSanitizer understands pthread locks, not Mutex's futex.
    private let lock = NSLock()
    nonisolated(unsafe) private var writtenPaths: Set<String> = []

    /// Every file written, relative to the folder.
    var written: Set<String> { lock.withLock { writtenPaths } }

    /// `root` is an open descriptor of the folder; the caller keeps it open while the sink is used.
    init(root: Int32) {
        self.root = root
    }

    func write(_ file: OutputFile) throws {
        var names = file.path.split(separator: "/").map(String.init)
        guard let name = names.popLast() else { throw NoFollow.posixError(EINVAL) }
        var opened: [Int32] = []
        defer { opened.forEach { close($0) } }
        var folder = root
        for component in names {
            folder = try NoFollow.folder(component, in: folder, create: true)
            opened.append(folder)
        }
        try NoFollow.writeNewFile(name, in: folder, contents: file.contents)
        lock.withLock { _ = writtenPaths.insert(file.path) }
    }
}
