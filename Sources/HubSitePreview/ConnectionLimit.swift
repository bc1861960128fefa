import HTTPTypes
import NIOCore
import NIOHTTPTypes
import Synchronization

/// At most `maximum` open connections, so that a flood of idle ones cannot use up the process's
/// files and leave the editor's own browser unanswered. When one more arrives, the oldest
/// connection that is waiting for a request (a slow or idle client, never a live-reload
/// stream or a request being answered) is closed to make room.
final class ConnectionLimit: Sendable {
    let maximum: Int
    private let open = Mutex<[ObjectIdentifier: Entry]>([:])
    private let counter = Atomic<Int>(0)

    private struct Entry {
        var channel: any Channel
        var order: Int
        var busy: Bool
    }

    init(maximum: Int) {
        self.maximum = maximum
    }

    var count: Int { open.withLock { $0.count } }

    /// The handler for one connection's pipeline.
    func handler() -> Handler { Handler(limit: self) }

    fileprivate func opened(_ channel: any Channel) {
        let order = counter.add(1, ordering: .relaxed).newValue
        let evicted: (any Channel)? = open.withLock { open in
            open[ObjectIdentifier(channel)] = Entry(channel: channel, order: order, busy: false)
            guard open.count > maximum else { return nil }
            // When every other connection is busy, the new one is the one to go.
            let id = open.filter { !$0.value.busy && $0.key != ObjectIdentifier(channel) }.min { $0.value.order < $1.value.order }?.key
                ?? ObjectIdentifier(channel)
            return open.removeValue(forKey: id)?.channel
        }
        evicted?.close(promise: nil)
    }

    fileprivate func closed(_ channel: any Channel) {
        _ = open.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    fileprivate func setBusy(_ channel: any Channel, _ busy: Bool) {
        open.withLock { $0[ObjectIdentifier(channel)]?.busy = busy }
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
            if case .head = unwrapInboundIn(data) { limit.setBusy(context.channel, true) }
            context.fireChannelRead(data)
        }

        func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
            if case .end = unwrapOutboundIn(data) { limit.setBusy(context.channel, false) }
            context.write(data, promise: promise)
        }
    }
}
