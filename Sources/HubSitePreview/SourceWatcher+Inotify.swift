#if canImport(Glibc)
import Glibc
import Foundation
import HubSite

extension SourceWatcher {
    /// nil where the system has no inotify (or has run out of instances): then the watcher polls.
    static func makeInotify() -> Int32? {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        return fd >= 0 ? fd : nil
    }

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_ATTRIB)

    private static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32 {
        let left = ContinuousClock.now.duration(to: deadline).components
        return Int32(max(0, left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000))
    }

    func listen(to descriptor: Int32, ready: DispatchSemaphore) {
        var folders: [Int32: String] = [:]
        func watch(_ path: String) {
            let wd = inotify_add_watch(descriptor, path, Self.mask | UInt32(IN_ONLYDIR))
            if wd >= 0 { folders[wd] = path }
        }
        func watchTree(_ path: String) {
            watch(path)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            for name in names.sorted() where !FileTree.isIgnored(name) {
                let child = path + "/" + name
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory.boolValue,
                   (try? FileManager.default.destinationOfSymbolicLink(atPath: child)) == nil {
                    watchTree(child)
                }
            }
        }
        let rootPath = root.path
        watch(rootPath)
        for folder in ["content", "templates"] { watchTree(rootPath + "/" + folder) }
        ready.signal()

        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pendingSince: ContinuousClock.Instant?
        var changed: Set<String> = []
        while running.load(ordering: .sequentiallyConsistent) {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            // While edits settle, wake when the quiet time is up; otherwise check `running` now and then.
            let ready = poll(&poller, 1, pendingSince.map { Self.milliseconds(until: $0 + debounce) } ?? 50)
            if ready > 0 {
                let count = read(descriptor, &buffer, buffer.count)
                var offset = 0
                while count > 0, offset + MemoryLayout<inotify_event>.size <= count {
                    let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                        let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                        return (event.wd, event.mask, Int(event.len))
                    }
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = buffer[nameStart..<min(nameStart + length, count)].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    offset = nameStart + length
                    guard let folder = folders[wd], !FileTree.isIgnored(name) else { continue }
                    let path = folder + "/" + name
                    if folder == rootPath {
                        // At the top, only the site's own sources matter (not public/, not .build/).
                        if name == "content" || name == "templates" {
                            if mask & UInt32(IN_ISDIR) != 0 { watchTree(path) }
                        } else if name != "site.yml" {
                            continue
                        }
                    } else if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        watchTree(path)
                    }
                    if mask & UInt32(IN_IGNORED) != 0 { folders[wd] = nil }
                    if mask & UInt32(IN_ISDIR) == 0 { changed.insert(String(path.dropFirst(rootPath.count + 1))) }
                    pendingSince = .now
                }
            }
            if let since = pendingSince, ContinuousClock.now - since >= debounce {
                pendingSince = nil
                onChange(changed.sorted())
                changed = []
            }
        }
    }
}
#else
extension SourceWatcher {
    static func makeInotify() -> Int32? { nil }
    private static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32 {
        let left = ContinuousClock.now.duration(to: deadline).components
        return Int32(max(0, left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000))
    }

    func listen(to descriptor: Int32, ready: DispatchSemaphore) { ready.signal() }
}
#endif
