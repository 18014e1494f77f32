import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension LocalEngine {
    /// Stops the running server, whoever started it: its state is removed (so no process joins
    /// it any more) and its supervisor told to stop it; after `timeout` seconds both get
    /// SIGKILL. Returns the state of the server that was stopped, nil when none was running.
    @discardableResult
    public static func stop(
        _ directory: EngineDataDirectory, timeout: Double = 15
    ) throws(LocalEngineError) -> EngineServerState? {
        try directory.create([directory.runFolder, directory.leases])
        let state = try FileLock.withLock(directory.lock) { () throws(LocalEngineError) -> EngineServerState? in
            let state = EngineServerState.read(from: directory.state)
            try? FileManager.default.removeItem(atPath: directory.state)
            EngineLeases.removeAll(in: directory)
            return state
        }
        guard let state else { return nil }
        let processes = [state.supervisor] + (state.server.map { [$0] } ?? [])
        if state.supervisor.isAlive { kill(state.supervisor.pid, SIGTERM) }
        if !ProcessWait.untilGone(processes, timeout: timeout) {
            if let server = state.server, server.isAlive { killpg(server.pid, SIGKILL) }
            if state.supervisor.isAlive { kill(state.supervisor.pid, SIGKILL) }
            _ = ProcessWait.untilGone(processes, timeout: 5)
        }
        return state
    }

    /// The running server, or nil (a state file whose supervisor died is not a running server).
    public static func running(_ directory: EngineDataDirectory) -> EngineServerState? {
        guard let state = EngineServerState.read(from: directory.state), state.supervisor.isAlive else { return nil }
        return state
    }

    /// The processes holding a lease on the running server.
    public static func leaseHolders(_ directory: EngineDataDirectory) -> [ProcessIdentity] {
        EngineLeases.live(in: directory)
    }
}
