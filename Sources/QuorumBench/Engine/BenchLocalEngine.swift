import Foundation
import QuorumCommandLine
import QuorumEngine

/// `quorum bench engine --local`: the main job on the installed embedded engine. For each
/// server configuration in turn (llama-server, then llama-cpp-python's from the venv of an
/// earlier install when it is there, with the fixed templates and with demonstrations drawn
/// per item): a fresh folder as `quorum init` writes it, a fresh store, the engine started in a
/// data directory of the bench's own (linked to the install, so no running server is joined),
/// generation for the same time; then the figures side by side.
struct BenchLocalEngine {
    enum Server: String, CaseIterable {
        case llamaServer = "llama-server"
        /// llama-cpp-python's server given the same prompts as llama-server.
        case llamaCppPython = "llama-cpp-python"
        /// The embedded engine before llama-server and fixed templates: llama-cpp-python's
        /// server, one request at a time, each item's instance prompt with its own demonstrations.
        case llamaCppPythonSampled = "llama-cpp-python-sampled"
    }

    let minutes: Double
    let servers: [Server]
    let repository: URL
    let installed: EngineDataDirectory

    func run() async throws {
        guard EngineInstaller(directory: installed).currentInstall() != nil else {
            throw failure(
                "the embedded engine is not installed in \(installed.root); run `quorum engine install`",
                status: ExitStatus.unavailable)
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-bench-local-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        // Written at once (print buffers when piped), so it comes before the progress on stderr.
        FileHandle.standardOutput.write(Data((Self.heading(minutes: minutes, installed: installed) + "\n").utf8))
        var measured: [BenchLocalEngineFigures] = []
        for server in servers {
            guard let run = try prepare(server, in: scratch.appendingPathComponent(server.rawValue)) else {
                printError("\(server.rawValue): not available (\(Self.unavailable(server, installed)))")
                continue
            }
            printError("\(server.rawValue): \(run.slots) slot(s), generating for \(Self.minutesText(minutes))")
            measured.append(try await run.measure { printError($0) })
        }
        print(BenchLocalEngineReport(figures: measured).text)
    }

    /// The work folder of `quorum init`, pointed at a private data directory that links the install.
    private func prepare(_ server: Server, in folder: URL) throws -> BenchLocalEngineRun? {
        let work = folder.appendingPathComponent("work")
        let engineFolder = folder.appendingPathComponent("engine")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("seeds"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: engineFolder, withIntermediateDirectories: true)
        for name in ["bin", "venv", "models", "install.json"] {
            try FileManager.default.createSymbolicLink(
                atPath: engineFolder.appendingPathComponent(name).path, withDestinationPath: installed.root + "/" + name)
        }
        try FileManager.default.copyItem(
            at: repository.appendingPathComponent("seeds/seed_tasks.jsonl"),
            to: work.appendingPathComponent("seeds/seed_tasks.jsonl"))
        let text = QuorumConfigTemplate.text.replacingOccurrences(
            of: "kind = \"local\"\n", with: "kind = \"local\"\ndata_dir = \"../engine\"\n")
        let path = work.appendingPathComponent("quorum.toml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var config = try QuorumConfigLoader.load(path: path)
        let directory = EngineDataDirectory(root: engineFolder.path)
        let slots: Int
        let launch: EngineServerLaunch
        switch server {
        case .llamaServer:
            slots = config.localEngineSlots
            launch = try .llamaServer(directory, settings: config.engine, slots: slots)
        case .llamaCppPython, .llamaCppPythonSampled:
            guard let python = BenchLlamaCppPythonLaunch.make(directory, settings: config.engine) else { return nil }
            slots = 1
            launch = python
            if server == .llamaCppPythonSampled { config.generation.instanceDemonstrationChoice = .sampledPerItem }
        }
        let seeds = try SeedPool.load(path: config.seedsPath).map(\.demonstration)
        return BenchLocalEngineRun(
            name: server.rawValue, workFolder: work, config: config, seeds: seeds,
            engine: LocalEngine(directory: directory, settings: config.engine, launch: launch), slots: slots,
            seconds: minutes * 60)
    }

    static let serverNames = Server.allCases.map(\.rawValue).joined(separator: ",")

    static func unavailable(_ server: Server, _ installed: EngineDataDirectory) -> String {
        switch server {
        case .llamaServer: return "no llama-server in \(installed.root)/bin"
        case .llamaCppPython, .llamaCppPythonSampled:
            return "\(installed.venv) has no llama-cpp-python server; an install by a Quorum before llama-server has one"
        }
    }

    static func heading(minutes: Double, installed: EngineDataDirectory) -> String {
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
            .joined(separator: " ") ?? "unknown"
        return """
            quorum bench engine --local: the default configuration (`quorum init`) on the embedded engine in \
            \(installed.root), a fresh store per server, \(minutesText(minutes)) of generation each, one server after the other
            machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(load) (1, 5, 15 min) at the start
            """
    }

    static func minutesText(_ minutes: Double) -> String {
        minutes == minutes.rounded() ? "\(Int(minutes)) min" : String(format: "%.1f min", minutes)
    }
}
