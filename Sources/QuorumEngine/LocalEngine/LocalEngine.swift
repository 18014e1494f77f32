import Foundation

/// The embedded engine's server, shared by every Quorum process on the machine: started on
/// demand by the first that needs it, joined by the others, and stopped by its supervisor
/// when the last of them is gone (see `EngineSupervisorScript`).
public struct LocalEngine: Sendable {
    public let directory: EngineDataDirectory
    public let settings: EngineSettings
    public let launch: EngineServerLaunch

    /// Startup failures that look like a lost race for the port are retried on a new port.
    static let portAttempts = 3

    public init(directory: EngineDataDirectory, settings: EngineSettings, launch: EngineServerLaunch) {
        self.directory = directory
        self.settings = settings
        self.launch = launch
    }

    /// The installed `llama-server` for `settings`, with `slots` parallel slots.
    public static func installed(
        _ settings: EngineSettings, slots: Int, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(LocalEngineError) -> LocalEngine {
        let directory = try EngineDataDirectory.resolve(settings, environment: environment)
        return LocalEngine(
            directory: directory, settings: settings, launch: try .llamaServer(directory, settings: settings, slots: slots))
    }

    /// Starts the server or joins the running one, and waits until it answers. The lease keeps
    /// it running until released, or until `holder` exits; `pinned` keeps it running until
    /// `stop()` (what `quorum engine start` does).
    public func acquire(
        holder: ProcessIdentity = .current, pinned: Bool = false, timeout: Double = 180,
        onStart: @Sendable (EngineServerState, _ started: Bool) -> Void = { _, _ in }
    ) async throws(LocalEngineError) -> LocalEngineLease {
        try directory.create([directory.runFolder, directory.leases, directory.logsFolder])
        try writeSupervisorScript()
        var attempt = 1
        while true {
            let (state, started) = try join(or: holder, pinned: pinned)
            onStart(state, started)
            let lease = LocalEngineLease(engine: self, holder: holder, state: state)
            let supervisor = state.supervisor
            let outcome = await EngineHealthCheck.wait(port: state.port, path: launch.healthPath, timeout: timeout) {
                supervisor.isAlive
            }
            switch outcome {
            case .ready:
                return lease
            case .processGone:
                lease.release()
                let tail = LogTail.read(state.log)
                if started, settings.port == .auto, attempt < Self.portAttempts, LogTail.saysAddressInUse(tail) {
                    attempt += 1
                    continue
                }
                throw .serverExited(status: nil, tail: tail, log: state.log)
            case .timedOut:
                lease.release()
                throw .healthTimeout(seconds: timeout, tail: LogTail.read(state.log), log: state.log)
            }
        }
    }

    /// Under the engine lock: the running server with a lease added, or a new supervisor.
    private func join(or holder: ProcessIdentity, pinned: Bool) throws(LocalEngineError) -> (EngineServerState, Bool) {
        try FileLock.withLock(directory.lock) { () throws(LocalEngineError) -> (EngineServerState, Bool) in
            if var state = EngineServerState.read(from: directory.state), state.supervisor.isAlive {
                if pinned && !state.pinned {
                    state.pinned = true
                    try state.write(to: directory.state)
                }
                try EngineLeases.add(holder, in: directory)
                return (state, false)
            }
            try? FileManager.default.removeItem(atPath: directory.state)
            EngineLeases.removeAll(in: directory)
            let port: Int
            switch settings.port {
            case .auto: port = try LoopbackPort.free()
            case .fixed(let fixed):
                guard LoopbackPort.isFree(fixed) else { throw .portInUse(fixed) }
                port = fixed
            }
            LogTail.rotate(directory.serverLog)
            let supervisor = try EngineSupervisorProcess.spawn(
                python: launch.python, script: directory.supervisorScript, run: directory.runFolder,
                log: directory.serverLog, command: launch.command(port), environment: launch.environment)
            let state = EngineServerState(
                supervisor: supervisor, server: nil, port: port, pinned: pinned, startedAt: Date(),
                model: launch.model, log: directory.serverLog)
            try state.write(to: directory.state)
            try EngineLeases.add(holder, in: directory)
            return (state, true)
        }
    }

    private func writeSupervisorScript() throws(LocalEngineError) {
        let data = Data(EngineSupervisorScript.source.utf8)
        if FileManager.default.contents(atPath: directory.supervisorScript) != data {
            try AtomicFile.write(data, to: directory.supervisorScript)
        }
    }
}
