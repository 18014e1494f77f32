import Foundation
import QuorumStore
import QuorumTestSupport
import XCTest
@testable import QuorumEngine

/// The engine's ramp against the loopback server: on the embedded engine two workers until the
/// first reviewable item is stored, then every worker; on a server elsewhere all at once.
final class PipelineRampTests: XCTestCase {
    private var server: FakeServerProcess!
    private var folder: URL!
    private var store: Store!

    override func setUpWithError() throws {
        server = try FakeServerProcess(arguments: ["--latency", "0.05"])
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-ramp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try Store.open(at: folder.appendingPathComponent("store.sqlite").path, access: .write(command: "test"))
    }

    override func tearDownWithError() throws {
        try? store.close()
        server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    func testOnTheEmbeddedEngineTwoItemsRunUntilAReviewableItemIsStoredThenEveryWorkerRuns() async throws {
        let (entries, workers) = try await generate(onTheEmbeddedEngine: true)
        let opening = try XCTUnwrap(
            entries.firstIndex { if case .itemStored(_, true) = $0 { true } else { false } }, "a reviewable item was stored")
        let before = entries[..<opening]
        var underWay: Set<Int> = []
        for entry in before {
            switch entry {
            case .itemStarted(let ticket):
                underWay.insert(ticket)
                XCTAssertLessThanOrEqual(
                    underWay.count, EnsembleEngine.rampWorkers, "items under way before a reviewable one: \(underWay.sorted())")
            case .itemStored(let ticket, _), .itemDropped(let ticket): underWay.remove(ticket)
            default: break
            }
        }
        XCTAssertLessThanOrEqual(
            RequestTimeline.peakInFlight(before), EnsembleEngine.rampWorkers * 2,
            "before the first reviewable item only the ramp's items' requests run: two output members' each at most")
        XCTAssertGreaterThanOrEqual(
            RequestTimeline.peakInFlight(entries[opening...]), workers, "afterwards every worker has a request under way")
    }

    func testOnAServerElsewhereEveryWorkerStartsAtOnce() async throws {
        let (entries, workers) = try await generate(onTheEmbeddedEngine: false)
        let firstStored = try XCTUnwrap(entries.firstIndex { if case .itemStored = $0 { true } else { false } })
        XCTAssertGreaterThanOrEqual(RequestTimeline.peakInFlight(entries[..<firstStored]), workers)
    }

    func testAFailingFirstWorkerEndsTheRunInsteadOfLeavingTheOthersWaiting() async throws {
        var generator = server.member(mode: "empty", maxConcurrency: 2)
        generator.name = "generator"
        generator.usesLocalEngine = true
        var other = server.member(maxConcurrency: 2)
        other.name = "other"
        other.usesLocalEngine = true
        let config = QuorumConfig(
            members: [generator, other],
            roles: Roles(instructionGenerator: "generator", instanceGenerator: "generator", outputMembers: ["other"]),
            generation: GenerationConfig(maxFruitlessRounds: 3), seedsPath: "", storePath: "")
        let engine = try EnsembleEngine(
            config: config, models: config.members.map { OpenAICompatibleModel(member: $0, retryPolicy: quickRetries) },
            seeds: try seeds(), store: store)
        let runID = try await store.write { try $0.beginRun(source: "generate", configJSON: "{}").id! }
        let outcome = try await withThrowingTaskGroup(of: String.self) { group in
            group.addTask {
                do {
                    _ = try await engine.generate(GenerationRequest(count: Int.max), runID: runID, earlierInstructions: []) { _ in }
                    return "finished"
                } catch let error as EngineError {
                    return error.description
                }
            }
            group.addTask {
                try await Task.sleep(for: .seconds(30))
                return "still generating after 30 s"
            }
            let first = try await group.next()!
            group.cancelAll()
            return first
        }
        XCTAssertTrue(outcome.contains("no usable instruction in 3 rounds"), outcome)
    }

    private func seeds() throws -> [Demonstration] {
        try SeedPool.load(path: FakeServerProcess.repositoryRoot.appendingPathComponent("seeds/seed_tasks.jsonl").path)
            .map(\.demonstration)
    }

    /// 18 items with a generator and two output members on the loopback server, as members
    /// placed on the embedded engine (`usesLocalEngine`) or not; the timeline and the workers.
    private func generate(onTheEmbeddedEngine: Bool) async throws -> ([RequestTimeline.Entry], Int) {
        let timeline = RequestTimeline()
        func member(_ name: String, api: MemberAPI, prompting: Prompting) -> MemberConfig {
            var member = server.member(api: api, model: name, maxConcurrency: 2)
            member.name = name
            member.prompting = prompting
            member.usesLocalEngine = onTheEmbeddedEngine
            return member
        }
        let members = [
            member("generator", api: .completions, prompting: .fewShot),
            member("zero-shot", api: .chat, prompting: .zeroShot),
            member("few-shot", api: .completions, prompting: .fewShot),
        ]
        let config = QuorumConfig(
            members: members,
            roles: Roles(instructionGenerator: "generator", instanceGenerator: "generator", outputMembers: ["zero-shot", "few-shot"]),
            generation: GenerationConfig(seed: 5), seedsPath: "", storePath: "")
        let models = members.map {
            TimedModel(inner: OpenAICompatibleModel(member: $0, retryPolicy: quickRetries), timeline: timeline)
        }
        let engine = try EnsembleEngine(config: config, models: models, seeds: try seeds(), store: store)
        let runID = try await store.write { try $0.beginRun(source: "generate", configJSON: "{}").id! }
        let stored = try await engine.generate(GenerationRequest(count: 18), runID: runID, earlierInstructions: []) { event in
            switch event {
            case .itemStarted(let ticket, _, _): timeline.record(.itemStarted(ticket))
            case .itemStored(let ticket, _, let consensus): timeline.record(.itemStored(ticket, reviewable: consensus.choice != nil))
            case .instanceFiltered(let ticket, _): timeline.record(.itemDropped(ticket))
            default: break
            }
        }
        XCTAssertEqual(stored, 18)
        return (timeline.entries, members[0].maxConcurrency * 3)
    }
}

/// The order in which the engine asked for completions, got them and reported items.
private final class RequestTimeline: @unchecked Sendable {
    enum Entry: Equatable, Sendable {
        case requestStarted
        case requestFinished
        case itemStarted(Int)
        case itemStored(Int, reviewable: Bool)
        case itemDropped(Int)
    }

    private let lock = NSLock()
    private var recorded: [Entry] = []

    var entries: [Entry] { lock.withLock { recorded } }

    func record(_ entry: Entry) {
        lock.withLock { recorded.append(entry) }
    }

    /// The most requests under way at once in `entries`, counting from none (a request that
    /// started earlier and finishes within `entries` counts as none).
    static func peakInFlight(_ entries: ArraySlice<Entry>) -> Int {
        var current = 0
        var peak = 0
        for entry in entries {
            if entry == .requestStarted { current += 1 }
            if entry == .requestFinished { current = max(0, current - 1) }
            peak = max(peak, current)
        }
        return peak
    }
}

/// The real client to the loopback server, with each request's start and end in a timeline:
/// when the engine asks, before the member's own concurrency limit queues the request.
private struct TimedModel: LanguageModel {
    let inner: OpenAICompatibleModel
    let timeline: RequestTimeline

    var member: MemberConfig { inner.member }
    var statistics: LMMemberStatistics { inner.statistics }

    func complete(_ request: LMRequest, onToken: @escaping @Sendable (String) -> Void) async throws -> LMCompletion {
        timeline.record(.requestStarted)
        defer { timeline.record(.requestFinished) }
        return try await inner.complete(request, onToken: onToken)
    }

    func streamCompletion(_ request: LMRequest, onEvent: @escaping @Sendable (LMStreamEvent) -> Void) async throws
        -> LMCompletion
    {
        timeline.record(.requestStarted)
        defer { timeline.record(.requestFinished) }
        return try await inner.streamCompletion(request, onEvent: onEvent)
    }
}
