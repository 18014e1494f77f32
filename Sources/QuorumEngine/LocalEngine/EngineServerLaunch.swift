import Foundation

/// How the supervisor starts the server: the interpreter that runs the supervisor, and the
/// server's command line for a port. Tests launch a fake server the same way.
public struct EngineServerLaunch: Sendable {
    public var python: String
    public var command: @Sendable (_ port: Int) -> [String]
    public var model: String
    /// The path polled until the server answers 200.
    public var healthPath: String
    /// Added to the server's environment.
    public var environment: [String: String]

    public init(
        python: String, model: String, healthPath: String = "/v1/models", environment: [String: String] = [:],
        command: @escaping @Sendable (_ port: Int) -> [String]
    ) {
        self.python = python
        self.model = model
        self.healthPath = healthPath
        self.environment = environment
        self.command = command
    }

    /// llama-cpp-python's OpenAI-compatible server from the installed venv, serving the
    /// installed model (or `[engine] model`).
    public static func llamaCpp(
        _ directory: EngineDataDirectory, settings: EngineSettings
    ) throws(LocalEngineError) -> EngineServerLaunch {
        guard EngineInstallStamp.read(from: directory.installStamp) != nil,
            FileManager.default.isExecutableFile(atPath: directory.python)
        else { throw .notInstalled(directory) }
        let model = settings.modelPath ?? directory.model
        guard FileManager.default.fileExists(atPath: model) else { throw .modelMissing(model) }
        let threads = settings.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let python = directory.python
        let contextSize = settings.contextSize
        // llama.cpp's OpenMP threads spin at each barrier by default; on a machine whose cores
        // are busy with other work that made a token 10x slower (measured: 532 ms against 54 ms
        // a token with 2 threads on 2 loaded cores). Passive waiting keeps it near one thread's
        // speed when loaded and uses both cores when they are free.
        let environment = ["OMP_WAIT_POLICY": "PASSIVE"]
        return EngineServerLaunch(python: python, model: model, environment: environment) { port in
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
}
