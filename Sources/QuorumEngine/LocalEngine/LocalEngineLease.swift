import Foundation

/// One process's use of the running server. Releasing it (or the holder's exit) lets the
/// supervisor stop the server once no other holder is left, unless it is pinned.
public final class LocalEngineLease: Sendable {
    public let engine: LocalEngine
    public let holder: ProcessIdentity
    public let state: EngineServerState
    private let released = ReleaseFlag()

    init(engine: LocalEngine, holder: ProcessIdentity, state: EngineServerState) {
        self.engine = engine
        self.holder = holder
        self.state = state
    }

    /// The members' endpoint, up to and including `/v1`.
    public var baseURL: String { state.baseURL }

    /// Gives the lease up. When it was the last one of an unpinned server, waits (up to
    /// `timeout` seconds) until the supervisor has stopped the server. Idempotent.
    @discardableResult
    public func release(timeout: Double = 15) -> Bool {
        guard released.set() else { return true }
        let directory = engine.directory
        let last: Bool? = try? FileLock.withLock(directory.lock) { () throws(LocalEngineError) -> Bool in
            EngineLeases.remove(holder, in: directory)
            guard let current = EngineServerState.read(from: directory.state), current.supervisor == state.supervisor
            else { return true }
            return !current.pinned && EngineLeases.live(in: directory).isEmpty
        }
        guard last ?? true else { return true }
        return ProcessWait.untilGone([state.supervisor], timeout: timeout)
    }
}

private final class ReleaseFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false

    /// True the first time only.
    func set() -> Bool {
        lock.withLock {
            defer { done = true }
            return !done
        }
    }
}

/// Polls until processes are gone.
enum ProcessWait {
    static func untilGone(_ processes: [ProcessIdentity], timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while processes.contains(where: \.isAlive) {
            if Date() >= deadline { return false }
            usleep(20_000)
        }
        return true
    }
}
