import Foundation
import QuorumEngine

/// Starts the embedded engine for a command that needs it, or joins the running one.
public enum EngineOnDemand {
    /// A lease on the engine when `config` has members on it; nil otherwise. Progress goes
    /// to `report` (stderr for a command; the workbench shows it in its status bar).
    public static func lease(
        for config: QuorumConfig, report: @escaping @Sendable (String) -> Void
    ) async throws -> LocalEngineLease? {
        guard config.needsLocalEngine else { return nil }
        let directory: EngineDataDirectory
        do {
            directory = try EngineDataDirectory.resolve(config.engine)
        } catch {
            throw SessionError(.config, error.description)
        }
        return try await start(
            config.engine, slots: config.localEngineSlots, directory: directory, pinned: false, timeout: 180,
            report: report)
    }

    /// Starts the server with `slots` parallel slots, or joins the running one (whatever its slots).
    public static func start(
        _ settings: EngineSettings, slots: Int, directory: EngineDataDirectory, pinned: Bool, timeout: Double,
        report: @escaping @Sendable (String) -> Void
    ) async throws -> LocalEngineLease {
        let engine: LocalEngine
        do {
            engine = LocalEngine(
                directory: directory, settings: settings,
                launch: try .llamaServer(directory, settings: settings, slots: slots))
        } catch {
            throw SessionError(.unavailable, error.description)
        }
        let started = Date()
        do {
            let lease = try await engine.acquire(pinned: pinned, timeout: timeout) { state, isNew in
                report(
                    isNew
                        ? "starting the local engine (\(URL(fileURLWithPath: state.model).lastPathComponent)) on "
                            + "127.0.0.1:\(state.port) with \(slots) slot\(slots == 1 ? "" : "s"); log: \(state.log)"
                        : "using the local engine already running at \(state.baseURL)")
            }
            report(String(format: "the local engine answers at %@ (%.1f s)", lease.baseURL, Date().timeIntervalSince(started)))
            return lease
        } catch {
            throw SessionError(.unavailable, error.description)
        }
    }
}
