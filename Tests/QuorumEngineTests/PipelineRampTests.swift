import Foundation
import QuorumStore
import QuorumTestSupport
import XCTest
@testable import QuorumEngine

/// The engine's ramp against the loopback server: one worker alone until the first reviewable
/// item is stored, then every worker.
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

    func testOneItemRunsAloneUntilAReviewableItemIsStoredThenEveryWorkerRuns() async throws {
        let timeline = RequestTimeline()
        func member(_ name: String, api: MemberAPI, prompting: Prompting) -> MemberConfig {
            var member = server.member(api: api, model: name, maxConcurrency: 2)
            member.name = name
            member.prompting = prompting
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
        let seeds = try SeedPool.load(path: FakeServerProcess.repositoryRoot.appendingPathComponent("seeds/seed_tasks.jsonl").path)
            .map(\.demonstration)
        let engine = try EnsembleEngine(config: config, models: models, seeds: seeds, store: store)
        let runID = try await store.write { try $0.beginRun(source: "generate", configJSON: "{}").id! }
        let stored = try await engine.generate(GenerationRequest(count: 18), runID: runID, earlierInstructions: []) { event in
            switch event {
            case .itemStarted(let ticket, _, _): timeline.record(.itemStarted(ticket))
            case .itemStored(let ticket, _, let consensus): timeline.record(.itemStored(ticket, reviewable: consensus.choice != nil))
            default: break
            }
        }
        XCTAssertEqual(stored, 18)

        let entries = timeline.entries
        let opening = try XCTUnwrap(
            entries.firstIndex { if case .itemStored(_, true) = $0 { true } else { false } }, "a reviewable item was stored")
        let before = entries[..<opening]
        var open: Int?
        for entry in before {
            switch entry {
            case .itemStarted(let ticket):
                XCTAssertNil(open, "ticket \(ticket) started while ticket \(open ?? 0) was under way, before a reviewable item")
                open = ticket
            case .itemStored: open = nil
            default: break
            }
        }
        XCTAssertLessThanOrEqual(
            RequestTimeline.peakInFlight(before), config.roles.outputMembers.count,
            "before the first reviewable item only one item's requests run: its output members' at most")
        let workers = members[0].maxConcurrency * 3
        XCTAssertGreaterThanOrEqual(
            RequestTimeline.peakInFlight(entries[opening...]), workers, "afterwards every worker has a request under way")
    }
}

/// The order in which the engine asked for completions, got them and reported items.
private final class RequestTimeline: @unchecked Sendable {
    enum Entry: Equatable {
        case requestStarted
        case requestFinished
        case itemStarted(Int)
        case itemStored(Int, reviewable: Bool)
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
