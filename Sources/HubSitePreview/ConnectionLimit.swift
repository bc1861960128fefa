import HTTPTypes
import NIOCore
import NIOHTTPTypes
import Synchronization

/// At most `maximum` open connections, so that a flood of idle ones cannot use up the process's
/// files and leave the editor's own browser unanswered. When one more arrives, the oldest
/// connection that is waiting for a request (a slow or idle client) is closed to make room, or
/// else the oldest live-reload stream; a request being answered never is. Live-reload streams
/// are also at most `maximumStreams`: a new one closes the oldest.
final class ConnectionLimit: Sendable {
    let maximum: Int
    let maximumStreams: Int
    let streamPath: String
    private let state = Mutex(State())

    private struct State {
        var open: [ObjectIdentifier: Entry] = [:]
        /// Counts connections as they arrive: the smallest open one is the oldest.
        var arrivals = 0
    }

    private struct Entry {
        var channel: any Channel
        var order: Int
        var busy: Bool
        var stream = false
    }

    init(maximum: Int, maximumStreams: Int, streamPath: String) {
        self.maximum = maximum
        self.maximumStreams = maximumStreams
        self.streamPath = streamPath
    }

    var count: Int { state.withLock { $0.open.count } }

    /// The handler for one connection's pipeline.
    func handler() -> Handler { Handler(limit: self) }

    fileprivate func opened(_ channel: any Channel) {
        let evicted: (any Channel)? = state.withLock { state in
            state.arrivals += 1
            state.open[ObjectIdentifier(channel)] = Entry(channel: channel, order: state.arrivals, busy: false)
            guard state.open.count > maximum else { return nil }
            // When every other connection is answering a request, the new one is the one to go.
            let others = state.open.filter { $0.key != ObjectIdentifier(channel) }
            let id = Self.oldest(others.filter { !$0.value.busy }) ?? Self.oldest(others.filter { $0.value.stream })
                ?? ObjectIdentifier(channel)
            return state.open.removeValue(forKey: id)?.channel
        }
        evicted?.close(promise: nil)
    }

    fileprivate func closed(_ channel: any Channel) {
        _ = state.withLock { $0.open.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    fileprivate func setBusy(_ channel: any Channel, _ busy: Bool) {
        state.withLock { $0.open[ObjectIdentifier(channel)]?.busy = busy }
    }

    /// The connection asked for the live-reload stream; past `maximumStreams`, the oldest goes.
    fileprivate func setStream(_ channel: any Channel) {
        let evicted: (any Channel)? = state.withLock { state in
            state.open[ObjectIdentifier(channel)]?.stream = true
            let streams = state.open.filter { $0.value.stream }
            guard streams.count > maximumStreams, let id = Self.oldest(streams) else { return nil }
            return state.open.removeValue(forKey: id)?.channel
        }
        evicted?.close(promise: nil)
    }

    private static func oldest(_ entries: [ObjectIdentifier: Entry]) -> ObjectIdentifier? {
        entries.min { $0.value.order < $1.value.order }?.key
    }

    /// Sees each request start and each response end, to know which connections are waiting.
    final class Handler: ChannelDuplexHandler, RemovableChannelHandler, @unchecked Sendable {
        typealias InboundIn = HTTPRequestPart
        typealias InboundOut = HTTPRequestPart
        typealias OutboundIn = HTTPResponsePart
        typealias OutboundOut = HTTPResponsePart

        private let limit: ConnectionLimit

        init(limit: ConnectionLimit) {
            self.limit = limit
        }

        func handlerAdded(context: ChannelHandlerContext) {
            limit.opened(context.channel)
        }

        func handlerRemoved(context: ChannelHandlerContext) {
            limit.closed(context.channel)
        }

        func channelInactive(context: ChannelHandlerContext) {
            limit.closed(context.channel)
            context.fireChannelInactive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            if case .head(let head) = unwrapInboundIn(data) {
                limit.setBusy(context.channel, true)
                if head.path?.split(separator: "?").first.map(String.init) == limit.streamPath { limit.setStream(context.channel) }
            }
            context.fireChannelRead(data)
        }

        func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
            if case .end = unwrapOutboundIn(data) { limit.setBusy(context.channel, false) }
            context.write(data, promise: promise)
        }
    }
}
