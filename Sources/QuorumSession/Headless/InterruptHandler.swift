import Dispatch
import Foundation

/// Runs `action` on SIGINT or SIGTERM instead of letting the signal end the process, so
/// that work in flight can stop cleanly; a second Ctrl-C ends the process at once.
public final class InterruptHandler {
    private let sources: [any DispatchSourceSignal]

    public init(_ action: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "quorum.signals")
        sources = [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                action()
                signal(signalNumber, SIG_DFL)
            }
            source.resume()
            return source
        }
    }

    public func stop() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
