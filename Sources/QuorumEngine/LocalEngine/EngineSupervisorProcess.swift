import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Spawns the supervisor (which spawns the server), its output appended to the server's log.
enum EngineSupervisorProcess {
    /// The `Process` objects of supervisors this process spawned, kept so that Foundation
    /// reaps them when they exit (no zombie while Quorum runs on).
    private static let spawned = SpawnedProcesses()

    static func spawn(
        python: String, script: String, run: String, log: String, command: [String], environment extra: [String: String]
    ) throws(LocalEngineError) -> ProcessIdentity {
        let descriptor = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(log, reason: String(cString: strerror(errno))) }
        let logHandle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        defer { try? logHandle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, run, "--"] + command
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONUNBUFFERED"] = "1"
        environment.merge(extra) { $1 }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = logHandle
        process.standardError = logHandle
        do {
            try SignalMask.unblocked { try process.run() }
        } catch {
            throw .commandFailed(python + " " + script, status: 127, tail: error.localizedDescription, log: log)
        }
        spawned.keep(process)
        let pid = process.processIdentifier
        return ProcessIdentity.of(pid) ?? ProcessIdentity(pid: pid, startTime: 0)
    }
}

private final class SpawnedProcesses: @unchecked Sendable {
    private let lock = NSLock()
    private var processes: [Process] = []

    func keep(_ process: Process) {
        lock.withLock {
            processes.removeAll { !$0.isRunning }
            processes.append(process)
        }
    }
}
