// QuorumBench/Engine: `quorum bench engine`: the pipeline's throughput against the loopback fake LM server, with
// and without a failing member.

import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumEngine
import QuorumStore

struct BenchEngineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Engine throughput against a loopback server with a fixed latency, beside the ideal.",
        discussion: """
            Runs the pipeline (a generator, a zero-shot and a few-shot member, each with the same \
            concurrency) against scripts/fake-llm/server.py answering after a fixed latency. The \
            ideal is what the members' concurrency allows for the requests each item needed: \
            min over members of concurrency / latency / (requests per item). A second run makes \
            one output member fail every request, to show the others are not stalled.
            """
    )

    @Option(help: "Items per run.") var items = 200
    @Option(help: "Seconds the server waits before each answer.") var latency = 0.2
    @Option(help: "Concurrent requests per member.") var concurrency = 8
    @Option(help: "The Quorum repository (default: found from the executable or the current directory).")
    var repository: String?

    func run() async throws {
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
