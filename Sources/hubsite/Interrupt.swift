import Dispatch
import Foundation

/// Runs a clean-up on Ctrl-C (SIGINT) or SIGTERM, then exits with the shell's usual status.
enum Interrupt {
    /// Listens from the moment it returns; keep the result while the work runs.
    static func onSignal(_ cleanUp: @escaping @Sendable () -> Void) -> Listening {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        // A queue of its own: it may get a thread even while the build keeps every worker of the
        // global queues busy (on .global() a Ctrl-C waited for the last page).
        let queue = DispatchQueue(label: "hubsite.interrupt")
        let registered = DispatchGroup()
        let sources = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                cleanUp()
                exit(128 + number)
            }
            registered.enter()
            source.setRegistrationHandler { registered.leave() }
            source.resume()
            return source
        }
        // resume() registers a source on another thread, and the signal is ignored until then:
        // a Ctrl-C in between would be lost, and the build would go on.
        registered.wait()
        return Listening(sources: sources)
    }

    struct Listening {
        let sources: [DispatchSourceSignal]
        func cancel() { sources.forEach { $0.cancel() } }
    }
}
