// QuorumBench/Engine: `quorum bench engine`: the pipeline's throughput against the loopback fake LM server, with
// and without a failing member; with --local, the main job on the embedded engine beside llama-cpp-python's server.

import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumEngine
import QuorumStore

struct BenchEngineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Engine throughput against a loopback server with a fixed latency, beside the ideal; or, with --local, on the embedded engine.",
        discussion: """
            Runs the pipeline (a generator, a zero-shot and a few-shot member, each with the same \
            concurrency) against scripts/fake-llm/server.py answering after a fixed latency. The \
            ideal is what the members' concurrency allows for the requests each item needed: \
            min over members of concurrency / latency / (requests per item). A second run makes \
            one output member fail every request, to show the others are not stalled.

            With --local: the default configuration (`quorum init`) on the installed embedded \
            engine, a fresh store per server, for --minutes each: llama.cpp's llama-server, then \
            llama-cpp-python's server from the venv of an install by an earlier Quorum when it is \
            there, given the same prompts (llama-cpp-python), and as the engine was before \
            llama-server and fixed templates, each item's instance prompt with demonstrations \
            drawn for it alone (llama-cpp-python-sampled). Prints the time to the engine \
            answering, to the first stored and the first reviewable (not discarded) item, items \
            per minute, the share discarded and the prompt tokens served from cache, for each \
            server and llama-server's ratio to each other one.
            """
    )

    @Flag(help: "Measure the embedded engine (llama-server beside llama-cpp-python's server) instead of the fake server.")
    var local = false
    @Option(help: "With --local: minutes of generation per server.") var minutes = 5.0
    @Option(help: "With --local: the servers to measure, comma-separated.")
    var servers = BenchLocalEngine.serverNames
    @Option(help: ArgumentHelp("With --local: the engine's data directory (default: as `quorum engine`).", valueName: "dir"))
    var dataDir: String?

    @Option(help: "Items per run.") var items = 200
    @Option(help: "Seconds the server waits before each answer.") var latency = 0.2
    @Option(help: "Concurrent requests per member.") var concurrency = 8
    @Option(help: "The Quorum repository (default: found from the executable or the current directory).")
    var repository: String?

    func run() async throws {
        if local { return try await runLocal() }
        guard let root = BenchRougeReference.locateRepository(explicit: repository, marker: "scripts/fake-llm/server.py") else {
            throw failure("cannot find scripts/fake-llm/server.py; pass --repository", status: ExitStatus.config)
        }
        let seeds = try SeedPool.load(path: root.appendingPathComponent("seeds/seed_tasks.jsonl").path).map(\.demonstration)
        let server = try BenchEngineServer(script: root.appendingPathComponent("scripts/fake-llm/server.py"), latency: latency)
        defer { server.stop() }
        print("quorum bench engine: \(items) items, server latency \(Int(latency * 1000)) ms, concurrency \(concurrency) per member\n")
        let healthy = try await measure(server: server, failingMember: false, seeds: seeds)
        let failing = try await measure(server: server, failingMember: true, seeds: seeds)
        print(healthy.text(title: "all members healthy"))
        print(failing.text(title: "few-shot member failing every request (HTTP 500)"))
        print(String(format: "throughput: %.1f%% of the ideal (target >= 90%%)", 100 * healthy.itemsPerSecond / healthy.ideal))
    }

    private func runLocal() async throws {
        guard minutes > 0 else { throw ValidationError("--minutes must be more than 0") }
        var chosen: [BenchLocalEngine.Server] = []
        for name in servers.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let server = BenchLocalEngine.Server(rawValue: name) else {
                throw ValidationError("--servers: unknown server \"\(name)\"; expected \(BenchLocalEngine.serverNames)")
            }
            chosen.append(server)
        }
        guard let root = BenchRougeReference.locateRepository(explicit: repository, marker: "seeds/seed_tasks.jsonl") else {
            throw failure("cannot find seeds/seed_tasks.jsonl; pass --repository", status: ExitStatus.config)
        }
        var settings = EngineSettings(kind: .local)
        settings.dataDirectory = dataDir.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let installed: EngineDataDirectory
        do { installed = try EngineDataDirectory.resolve(settings) } catch {
            throw failure(error.description, status: ExitStatus.config)
        }
        try await BenchLocalEngine(minutes: minutes, servers: chosen, repository: root, installed: installed).run()
    }

    private func measure(server: BenchEngineServer, failingMember: Bool, seeds: [Demonstration]) async throws -> BenchEngineRun {
        func member(_ name: String, mode: String, api: MemberAPI, prompting: Prompting, temperature: Double) -> MemberConfig {
            MemberConfig(
                name: name, baseURL: server.baseURL(mode: mode), model: name, api: api, prompting: prompting,
                decoding: Decoding(temperature: temperature), maxConcurrency: concurrency, timeoutSeconds: 30, retries: 0)
        }
        let members = [
            member("generator", mode: "ok", api: .completions, prompting: .fewShot, temperature: 0.7),
            member("zero-shot", mode: "ok", api: .chat, prompting: .zeroShot, temperature: 0),
            member("few-shot", mode: failingMember ? "error500" : "ok", api: .completions, prompting: .fewShot, temperature: 0),
        ]
        let config = QuorumConfig(
            members: members,
            roles: Roles(instructionGenerator: "generator", instanceGenerator: "generator", outputMembers: ["zero-shot", "few-shot"]),
            generation: GenerationConfig(seed: failingMember ? 2 : 1), seedsPath: "", storePath: "")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-bench-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(at: folder.appendingPathComponent("bench.sqlite").path, access: .write(command: "quorum bench engine"))
        defer { try? store.close() }
        let models = config.languageModels()
        let engine = try EnsembleEngine(config: config, models: models, seeds: seeds, store: store)
        let runID = try await store.write { try $0.beginRun(source: "bench", configJSON: "{}").id! }
        let started = Stopwatch()
        let stored = try await engine.generate(GenerationRequest(count: items), runID: runID, earlierInstructions: []) { _ in }
        return BenchEngineRun(
            items: stored, seconds: started.seconds, statistics: models.map(\.statistics), latency: latency,
            concurrency: concurrency)
    }
}

/// One measured run and the ideal its request counts allow.
struct BenchEngineRun {
    let items: Int
    let seconds: Double
    let statistics: [LMMemberStatistics]
    let latency: Double
    let concurrency: Int

    var itemsPerSecond: Double { Double(items) / seconds }

    /// Each member serves at most concurrency / latency requests a second.
    var ideal: Double {
        statistics.map { member -> Double in
            let requests = Double(member.completed + member.failed + member.retries)
            return requests == 0 ? .infinity : (Double(concurrency) / latency) / (requests / Double(items))
        }.min() ?? 0
    }

    func text(title: String) -> String {
        var lines = [title + ":"]
        lines.append(String(
            format: "  %d items in %.2f s: %.2f items/s; ideal %.2f items/s (%.1f%%)", items, seconds, itemsPerSecond, ideal,
            100 * itemsPerSecond / ideal))
        for member in statistics {
            let requests = member.completed + member.failed
            lines.append(String(
                format: "  %-10@ %5d requests (%.2f per item), %d failed, errors %d", member.member as NSString, requests,
                Double(requests) / Double(max(items, 1)), member.failed, member.errors))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
