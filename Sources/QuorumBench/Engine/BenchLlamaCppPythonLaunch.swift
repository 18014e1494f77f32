import Foundation
import QuorumEngine

/// llama-cpp-python's Python server, the embedded engine of Quorum before llama-server, kept
/// for `quorum bench engine --local` only: it runs from the venv of an install made by that
/// Quorum (llama-cpp-python is still in it), with the settings it had (one sequence at a time).
enum BenchLlamaCppPythonLaunch {
    /// The launch, or nil when the venv has no llama-cpp-python server.
    static func make(_ directory: EngineDataDirectory, settings: EngineSettings) -> EngineServerLaunch? {
        let python = directory.python
        guard let probe = try? runProbe(python), probe else { return nil }
        let model = settings.modelPath ?? directory.model
        let threads = settings.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let contextSize = settings.contextSize
        return EngineServerLaunch(python: python, model: model, environment: EngineServerLaunch.quietThreads) { port in
            [
                python, "-m", "llama_cpp.server",
                "--model", model, "--model_alias", EnginePins.modelAlias,
                "--host", "127.0.0.1", "--port", String(port),
                "--n_ctx", String(contextSize),
                "--n_threads", String(threads), "--n_threads_batch", String(threads),
                // Queue concurrent requests instead of cutting the running one short.
                "--interrupt_requests", "False",
            ]
        }
    }

    private static func runProbe(_ python: String) throws -> Bool {
        guard FileManager.default.isExecutableFile(atPath: python) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import llama_cpp.server.app"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
