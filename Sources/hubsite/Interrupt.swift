import Dispatch
import Foundation

/// Runs a clean-up on Ctrl-C (SIGINT) or SIGTERM, then exits with the shell's usual status.
enum Interrupt {
    /// Keep the result while the work runs; `cancel()` restores nothing and stops listening.
    static func onSignal(_ cleanUp: @escaping @Sendable () -> Void) -> Listening {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        // A queue of its own: it may get a thread even while the build keeps every worker of the
        // global queues busy (on .global() a Ctrl-C waited for the last page).
        let queue = DispatchQueue(label: "hubsite.interrupt")
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: queue)
        let terminate = DispatchSource.makeSignalSource(signal: SIGTERM, queue: queue)
        for (source, number) in [(source, SIGINT), (terminate, SIGTERM)] {
            source.setEventHandler {
                cleanUp()
                exit(128 + number)
            }
            source.resume()
        }
        return Listening(sources: [source, terminate])
    }

    struct Listening {
        let sources: [DispatchSourceSignal]
        func cancel() { sources.forEach { $0.cancel() } }
    }
}
