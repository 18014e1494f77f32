import Dispatch
import Foundation

/// Turns SIGINT, SIGTERM and SIGHUP into `.interrupted` in the inbox, so the loop quits the
/// way `q` does and the terminal is restored. Create it before the `Terminal`.
public final class TerminationSignals {
    private let sources: [any DispatchSourceSignal]
    private static let signals = [SIGINT, SIGTERM, SIGHUP]

    public init(inbox: WorkbenchInbox) {
        let queue = DispatchQueue(label: "quorum.workbench.signals")
        sources = Self.signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { inbox.post(.interrupted) }
            source.resume()
            return source
        }
    }

    public func stop() {
        for source in sources { source.cancel() }
        for number in Self.signals { signal(number, SIG_DFL) }
    }
}
