import Foundation
import QuorumEngine
import QuorumStore

/// One server measured with the default configuration: the times to the engine answering, to
/// the first stored item and to the first a curator can review, then what the run produced.
struct BenchLocalEngineFigures: Sendable {
    var server: String
    var slots: Int
    var engineAnswering: Double
    var firstStored: Double?
    var firstReviewable: Double?
    var stored = 0
    var discarded = 0
    /// Seconds of generation the counts cover (from the engine answering).
    var seconds: Double = 0
    /// Nil for a server that does not report them.
    var promptTokens: LlamaServerMetrics?

    var itemsPerMinute: Double { seconds > 0 ? Double(stored) / (seconds / 60) : 0 }
    var discardedShare: Double? { stored > 0 ? Double(discarded) / Double(stored) : nil }
}

/// Runs the pipeline on one embedded server for a while and records its figures.
struct BenchLocalEngineRun {
    let name: String
    let workFolder: URL
    let config: QuorumConfig
    let seeds: [Demonstration]
    let engine: LocalEngine
    let slots: Int
    let seconds: Double

    func measure(log: @escaping @Sendable (String) -> Void) async throws -> BenchLocalEngineFigures {
        let clock = Stopwatch()
        let lease = try await engine.acquire(timeout: 300)
        defer { lease.release() }
        let recorder = BenchItemRecorder(clock: clock)
        var figures = BenchLocalEngineFigures(server: name, slots: slots, engineAnswering: clock.seconds)
        log(String(format: "%@: the engine answers after %.1f s at %@", name, figures.engineAnswering, lease.baseURL))
        let before = await LlamaServerMetrics.read(port: lease.state.port)
        let store = try Store.open(at: config.storePath, access: .write(command: "quorum bench engine --local"))
        defer { try? store.close() }
        let models = config.languageModels(localEngineURL: lease.baseURL)
        let pipeline = try EnsembleEngine(config: config, models: models, seeds: seeds, store: store)
        let runID = try await store.write { try $0.beginRun(source: "bench", configJSON: "{}").id! }
        let generation = Task {
            defer { recorder.finish() }
            return try await pipeline.generate(
                GenerationRequest(count: Int.max), runID: runID, earlierInstructions: []
            ) { event in
                recorder.record(event)
            }
        }
        let end = figures.engineAnswering + seconds
        while clock.seconds < end, !recorder.finished {
            try? await Task.sleep(for: .milliseconds(250))
            while let line = recorder.firstReport() { log("\(name): \(line)") }
        }
        let counts = recorder.counts
        figures.seconds = clock.seconds - figures.engineAnswering
        generation.cancel()
        if case .failure(let error) = await generation.result, !(error is CancellationError) {
            log("\(name): the pipeline stopped: \(error)")
        }
        let after = await LlamaServerMetrics.read(port: lease.state.port)
        if let before, let after { figures.promptTokens = after - before }
        figures.firstStored = counts.firstStored
        figures.firstReviewable = counts.firstReviewable
        figures.stored = counts.stored
        figures.discarded = counts.discarded
        return figures
    }
}

/// What the pipeline reported, timed from the start of the run.
final class BenchItemRecorder: @unchecked Sendable {
    struct Counts {
        var firstStored: Double?
        var firstReviewable: Double?
        var stored = 0
        var discarded = 0
    }

    private let lock = NSLock()
    private let clock: Stopwatch
    private var state = Counts()
    private var reported = 0
    private var done = false

    init(clock: Stopwatch) {
        self.clock = clock
    }

    var counts: Counts { lock.withLock { state } }
    /// Whether the pipeline returned (it only does so early when it fails).
    var finished: Bool { lock.withLock { done } }

    func finish() {
        lock.withLock { done = true }
    }

    func record(_ event: EngineEvent) {
        guard case .itemStored(_, _, let consensus) = event else { return }
        let now = clock.seconds
        lock.withLock {
            state.stored += 1
            if state.firstStored == nil { state.firstStored = now }
            if consensus.choice == nil {
                state.discarded += 1
            } else if state.firstReviewable == nil {
                state.firstReviewable = now
            }
        }
    }

    /// A line about the first stored and the first reviewable item, once each.
    func firstReport() -> String? {
        lock.withLock {
            if reported == 0, let first = state.firstStored {
                reported = 1
                return String(format: "first item stored after %.1f s", first)
            }
            if reported == 1, let first = state.firstReviewable {
                reported = 2
                return String(format: "first reviewable item after %.1f s", first)
            }
            return nil
        }
    }
}
