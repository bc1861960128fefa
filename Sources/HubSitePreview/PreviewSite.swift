import Foundation
import HubSite
import NIOCore
import Synchronization

/// The site as `hubsite serve` shows it: built in memory (never written to public/), the last
/// good build kept while the sources are broken, and a stream of reload events for open pages.
public final class PreviewSite: Sendable {
    /// A file as served: the built bytes (with the live-reload script in HTML) and when they last
    /// changed. A ByteBuffer made once per build, so every answer shares its storage: 300 clients
    /// that never read a 3 MB page hold one copy of it, not 300.
    struct ServedFile: Sendable {
        var contents: ByteBuffer
        var modified: Date
    }

    struct Snapshot: Sendable {
        var files: [String: ServedFile] = [:]
        /// Every folder that holds a file: an unknown address is answered without a look at every file.
        var folders: Set<String> = [""]
        /// The last build's errors; nil when it succeeded.
        var failure: BuildFailure?
        /// The last good build's warnings, shown in every page as they are in the terminal.
        var warnings: [Diagnostic] = []
        var generation = 0
    }

    enum Event: Sendable {
        /// `page`: the address of the page made from the file just saved, for open tabs to go to.
        case reload(generation: Int, page: String?)
        case heartbeat
    }

    public let source: URL
    /// Whether open tabs go to the page made from the file just saved (`serve --no-follow` turns it off).
    public let followEdits: Bool
    private let state = Mutex(Snapshot())
    private let subscribers = Mutex<[UUID: AsyncStream<Event>.Continuation]>([:])
    /// The sources' files as last built, before the reload script and overlay were added.
    private let lastGood = Mutex<[OutputFile]>([])
    /// The drafts of the last good build: output path → source, for their banner.
    private let drafts = Mutex<[String: String]>([:])

    public init(source: URL, followEdits: Bool = true) {
        self.source = source
        self.followEdits = followEdits
    }

    /// Builds the site from its sources. On success the new site replaces the old, its warnings
    /// in a banner on every page; on failure the last good site stays and every HTML page carries
    /// the errors. Either way open pages reload, and go to the page made from the file saved
    /// (`changed`, from the site's folder) unless `followEdits` is off.
    @discardableResult
    public func rebuild(changed: [String] = []) -> Result<SiteBuilder.Rendered, BuildFailure> {
        let outcome: Result<SiteBuilder.Rendered, BuildFailure>
        do {
            // Drafts are previewed: that is what they are for.
            outcome = .success(try SiteBuilder(source: source, settings: BuildSettings(includeDrafts: true)).render())
        } catch {
            outcome = .failure(error)
        }
        let files: [OutputFile]
        let failed: BuildFailure?
        var warnings: [Diagnostic] = []
        switch outcome {
        case .success(let result):
            files = result.files
            failed = nil
            warnings = result.warnings
            lastGood.withLock { $0 = files }
            drafts.withLock { $0 = Dictionary(result.site.pages.filter(\.isDraft).map { ($0.urlPath + "index.html", $0.source) }) { first, _ in first } }
        case .failure(let error):
            files = lastGood.withLock { $0 }
            failed = error
        }
        let draftSources = drafts.withLock { $0 }
        let generation = state.withLock { snapshot -> Int in
            let now = Date()
            var served: [String: ServedFile] = [:]
            for file in files {
                let bytes = ByteBuffer(bytes: file.path.hasSuffix(".html")
                    ? LiveReload.inject(into: file.contents, failure: failed, warnings: warnings, draftSource: draftSources[file.path],
                                        followEdits: followEdits) : file.contents)
                // Keep the date of unchanged files, so their ETag stays and browsers may keep their copy.
                if let old = snapshot.files[file.path], old.contents == bytes {
                    served[file.path] = old
                } else {
                    served[file.path] = ServedFile(contents: bytes, modified: now)
                }
            }
            snapshot.files = served
            snapshot.folders = Self.folders(of: served.keys)
            snapshot.failure = failed
            snapshot.warnings = warnings
            snapshot.generation += 1
            return snapshot.generation
        }
        broadcast(.reload(generation: generation, page: Self.page(madeFrom: changed)))
        return outcome
    }

    /// `/hubs/solent/` for `content/hubs/solent.md`: the first page among the files saved.
    static func page(madeFrom changed: [String]) -> String? {
        changed.lazy.compactMap(PageAddress.of(source:)).first
    }

    func file(at path: String) -> ServedFile? {
        state.withLock { $0.files[path] }
    }

    func isFolder(_ path: String) -> Bool {
        state.withLock { $0.folders.contains(path) }
    }

    /// `hubs/solent/index.html` → `hubs`, `hubs/solent`.
    private static func folders(of paths: some Sequence<String>) -> Set<String> {
        var folders: Set<String> = [""]
        for path in paths {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
        return folders
    }

    public var generation: Int { state.withLock { $0.generation } }
    public var failure: BuildFailure? { state.withLock { $0.failure } }
    public var warnings: [Diagnostic] { state.withLock { $0.warnings } }

    // MARK: - Reload events

    /// Events for one open page, until it goes away or the server stops.
    func events() -> AsyncStream<Event> {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingNewest(8))
        // A strong reference: the stream ends when its page goes or the server stops, and that
        // releases this closure. (A weak one's side table reads as a leak to LeakSanitizer.)
        continuation.onTermination = { _ in
            self.subscribers.withLock { _ = $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    /// Streams open now.
    var openStreams: Int { subscribers.withLock { $0.count } }

    func broadcast(_ event: Event) {
        for continuation in subscribers.withLock({ Array($0.values) }) {
            continuation.yield(event)
        }
    }

    /// Ends every event stream, so that shutting down does not wait for open pages.
    func finishAllStreams() {
        for continuation in subscribers.withLock({ subscribers in
            defer { subscribers.removeAll() }
            return Array(subscribers.values)
        }) {
            continuation.finish()
        }
    }

}
