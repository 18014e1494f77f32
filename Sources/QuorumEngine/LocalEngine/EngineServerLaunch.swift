import Foundation

/// How the supervisor starts the server: the interpreter that runs the supervisor, and the
/// server's command line for a port. Tests launch a fake server the same way.
public struct EngineServerLaunch: Sendable {
    /// Runs the supervisor script (the venv's Python; it is not in the request path).
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

    /// llama.cpp's OpenAI-compatible `llama-server` from the install, serving the installed
    /// model (or `[engine] model`) with `slots` requests in parallel.
    public static func llamaServer(
        _ directory: EngineDataDirectory, settings: EngineSettings, slots: Int
    ) throws(LocalEngineError) -> EngineServerLaunch {
        guard EngineInstallStamp.read(from: directory.installStamp)?.servesLlamaCppPython == false,
            FileManager.default.isExecutableFile(atPath: directory.llamaServer),
            FileManager.default.isExecutableFile(atPath: directory.python)
        else { throw .notInstalled(directory) }
        let model = settings.modelPath ?? directory.model
        guard FileManager.default.fileExists(atPath: model) else { throw .modelMissing(model) }
        let arguments = LlamaServerArguments(
            model: model, slots: slots, contextPerSlot: settings.contextSize,
            threads: settings.threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let server = directory.llamaServer
        return EngineServerLaunch(
            python: directory.python, model: model, healthPath: "/health", environment: Self.quietThreads
        ) { port in
            [server] + arguments.list(port: port)
        }
    }

    /// llama.cpp's OpenMP threads spin at each barrier by default; on a machine whose cores
    /// are busy with other work that made a token 10x slower (measured: 532 ms against 54 ms
    /// a token with 2 threads on 2 loaded cores). Passive waiting keeps it near one thread's
    /// speed when loaded and uses both cores when they are free.
    public static let quietThreads = ["OMP_WAIT_POLICY": "PASSIVE"]
}
