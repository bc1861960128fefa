#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A deliberately small HTTP/1.1 client over a plain socket, so tests can send what browsers
/// never would (raw `..`, backslashes, garbage) and read an event stream line by line.
struct HTTPProbe {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    let port: Int

    func connect() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
        return fd
    }

    /// Sends `raw` as it is and reads the whole answer (the server closes after it).
    func send(_ raw: String) throws -> Response {
        let fd = try connect()
        defer { close(fd) }
        _ = raw.withCString { Glibc.send(fd, $0, strlen($0), 0) }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        return Self.parse(String(decoding: data, as: UTF8.self))
    }

    func get(_ path: String, headers: [String: String] = [:]) throws -> Response {
        var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { request += "\(name): \(value)\r\n" }
        return try send(request + "\r\n")
    }

    static func parse(_ text: String) -> Response {
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.isEmpty ? "" : lines.removeFirst()
        let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }
}

/// An open `text/event-stream` connection that collects the `event:` lines it receives.
final class EventStreamProbe: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var events: [String] = []
    private var thread: Thread?

    init(port: Int, path: String = "/__hubsite/events") throws {
        fd = try HTTPProbe(port: port).connect()
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        _ = request.withCString { Glibc.send(fd, $0, strlen($0), 0) }
        let thread = Thread { [self] in
            // Bytes, not Characters: in a Swift String "\r\n" is one Character and hides its "\n".
            var pending = [UInt8]()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count < 0, errno == EAGAIN || errno == EINTR { continue }
                if count <= 0 {
                    lock.lock(); ended = true; lock.unlock()
                    break
                }
                pending += buffer[0..<count]
                while let newline = pending.firstIndex(of: 10) {
                    let line = String(decoding: pending[..<newline], as: UTF8.self).trimmingCharacters(in: .init(charactersIn: "\r"))
                    pending.removeSubrange(...newline)
                    if line.hasPrefix("event: ") || line.hasPrefix("data: ") || line == ": connected" {
                        lock.lock(); events.append(line); lock.unlock()
                    }
                }
            }
        }
        self.thread = thread
        thread.start()
    }

    var received: [String] { lock.lock(); defer { lock.unlock() }; return events }

    private var ended = false
    /// True once the server has closed the stream.
    var isEnded: Bool { lock.lock(); defer { lock.unlock() }; return ended }

    /// How many reload events have arrived so far.
    var reloads: Int { received.filter { $0 == "event: reload" }.count }

    /// Waits until a reload event arrives after the first `seen` (or the deadline passes) and
    /// says whether one did. How many a save makes is the watcher's business, not the test's.
    func waitForReload(after seen: Int, timeout: TimeInterval = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if reloads > seen { return true }
            usleep(10_000)
        }
        return false
    }

    func waitUntilConnected(timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if received.contains(": connected") { return true }
            usleep(5_000)
        }
        return false
    }

    func close() { shutdown(fd, Int32(SHUT_RDWR)); Glibc.close(fd) }
}
