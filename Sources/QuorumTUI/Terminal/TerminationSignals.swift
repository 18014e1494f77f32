import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT, SIGTERM and SIGHUP into `.interrupted` in the inbox, so the loop quits the
/// way `q` does and the terminal is restored. Create it before the `Terminal`.
/// Dispatch sources are thread-safe; they are only set up in `init` and cancelled in `stop`.
public final class TerminationSignals: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]
    private let queue = DispatchQueue(label: "quorum.workbench.signals")
    /// While a program (the editor) has the terminal, Ctrl-C is meant for it.
    private let keyboardInterruptForOthers = SharedFlag()
    private static let signals = [SIGINT, SIGTERM, SIGHUP]

    public init(inbox: WorkbenchInbox) {
        let queue = self.queue
        let passOn = keyboardInterruptForOthers
        sources = Self.signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if number == SIGINT && passOn.isSet { return }
                inbox.post(.interrupted)
            }
            source.resume()
            return source
        }
    }

    /// Runs `body` (which hands the terminal to another program) with Ctrl-C left to it.
    public func leavingKeyboardInterrupts<T>(_ body: () -> T) -> T {
        keyboardInterruptForOthers.set(true)
        let result = body()
        // A Ctrl-C delivered while `body` ran is handled before the flag drops.
        queue.sync {}
        keyboardInterruptForOthers.set(false)
        return result
    }

    public func stop() {
        for source in sources { source.cancel() }
        for number in Self.signals { signal(number, SIG_DFL) }
    }
}

private final class SharedFlag: Sendable {
    private let value = Mutex(false)

    var isSet: Bool { value.withLock { $0 } }

    func set(_ newValue: Bool) { value.withLock { $0 = newValue } }
}
