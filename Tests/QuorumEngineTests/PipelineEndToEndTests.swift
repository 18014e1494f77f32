import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import Synchronization
import XCTest
@testable import QuorumEngine

/// The whole pipeline against the loopback fake server, with a real store.
final class PipelineEndToEndTests: XCTestCase {
    private var server: FakeServerProcess!
    private var folder: URL!
    private var store: Store!

    override func setUpWithError() throws {
        server = try FakeServerProcess()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try Store.open(at: folder.appendingPathComponent("store.sqlite").path, access: .write(command: "test"))
    }

    override func tearDownWithError() throws {
        try? store.close()
        server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    private func seeds() throws -> [Demonstration] {
        try SeedPool.load(path: FakeServerProcess.repositoryRoot.appendingPathComponent("seeds/seed_tasks.jsonl").path)
            .map(\.demonstration)
    }

    private func named(_ member: MemberConfig, _ name: String, prompting: Prompting = .fewShot) -> MemberConfig {
        var member = member
        member.name = name
        member.prompting = prompting
        return member
    }

    /// A generator, a zero-shot chat member and a few-shot member in mode `outputMode`.
    private func engine(outputMode: String = "ok", generatorMode: String = "ok", retries: Int = 0, timeout: Double = 10) throws -> EnsembleEngine {
        let generator = named(server.member(mode: generatorMode, retries: retries, timeoutSeconds: timeout), "generator")
        let zeroShot = named(server.member(api: .chat, model: "chat-model"), "zero-shot", prompting: .zeroShot)
        let fewShot = named(server.member(mode: outputMode, model: "other", retries: retries, timeoutSeconds: timeout), "few-shot")
        let config = QuorumConfig(
            members: [generator, zeroShot, fewShot],
            roles: Roles(instructionGenerator: "generator", instanceGenerator: "generator", outputMembers: ["zero-shot", "few-shot"]),
            generation: GenerationConfig(seed: 11), seedsPath: "", storePath: "")
        let models = config.members.map { OpenAICompatibleModel(member: $0, retryPolicy: quickRetries) }
        return try EnsembleEngine(config: config, models: models, seeds: try seeds(), store: store)
    }

    private func run(_ engine: EnsembleEngine, _ request: GenerationRequest) async throws -> (Int, [EngineEvent]) {
        let runID = try await store.write { try $0.beginRun(source: "generate", configJSON: "{}").id! }
        let log = Mutex<[EngineEvent]>([])
        let earlier = try await store.instructionsByType()
        let stored = try await engine.generate(request, runID: runID, earlierInstructions: earlier) { event in
            log.withLock { $0.append(event) }
        }
        return (stored, log.withLock { $0 })
    }

    private func allItems() async throws -> [ItemDetail] {
        try await store.items(withStatus: ItemStatus.allCases, limit: 10_000)
    }

    func testItemsOfBothTypesGoThroughAllFourStages() async throws {
        let (stored, events) = try await run(try engine(), GenerationRequest(count: 12))
        XCTAssertEqual(stored, 12)
        let items = try await allItems()
        XCTAssertEqual(items.count, 12)
        XCTAssertEqual(Set(items.map(\.item.type)), [.a, .b])
        for detail in items {
            XCTAssertEqual(detail.candidates.map(\.member), ["generator", "zero-shot", "few-shot"])
            XCTAssertNotNil(detail.candidateSet.consensus)
            XCTAssertEqual(detail.item.type == .a, !detail.item.input.isEmpty)
            XCTAssertNil(InstructionFilter(settings: FilterConfig()).rejection(of: detail.item.instruction))
        }
        var pool = NoveltyIndex(threshold: 0.7)
        for seed in try seeds() { pool.insert(seed.instruction) }
        for detail in items { XCTAssertEqual(pool.admit(detail.item.instruction), .novel, detail.item.instruction) }
        XCTAssertTrue(events.contains { if case .instructionFiltered = $0 { return true } else { return false } },
                      "the fake server proposes some instructions the filters must drop")
        var expected: [FilterDropKey: Int] = [:]
        for event in events {
            if case .instructionFiltered(_, _, let reason) = event {
                expected[FilterDropKey(stage: .instruction, reason: reason.tallyReason), default: 0] += 1
            }
            if case .instanceFiltered(_, let reason) = event {
                expected[FilterDropKey(stage: .instance, reason: reason.tallyReason), default: 0] += 1
            }
        }
        let counted = try await store.filterDrops()
        XCTAssertEqual(
            Dictionary(uniqueKeysWithValues: counted.map { (FilterDropKey(stage: $0.stage, reason: $0.reason), $0.count) }),
            expected, "every drop the engine reported is counted in the store")
        XCTAssertTrue(events.contains { if case .candidateToken = $0 { return true } else { return false } })
    }

    func testTheEventStreamEndsAfterTheLastItemIsStored() async throws {
        let runID = try await store.write { try $0.beginRun(source: "generate", configJSON: "{}").id! }
        var stored: [Int64] = []
        var lastProgress = 0
        for try await event in try engine().events(GenerationRequest(count: 3), runID: runID, earlierInstructions: []) {
            if case .itemStored(_, let itemID, _) = event { stored.append(itemID) }
            if case .progress(let count, _) = event { lastProgress = count }
        }
        XCTAssertEqual(stored.count, 3)
        XCTAssertEqual(lastProgress, 3)
        let items = try await allItems()
        XCTAssertEqual(Set(items.map { $0.item.id! }), Set(stored))
    }

    func testAPausedGateStartsNothingAndResumingFinishesTheRun() async throws {
        let runID = try await store.write { try $0.beginRun(source: "generate", configJSON: "{}").id! }
        let gate = GenerationGate(paused: true)
        let engine = try engine()
        let run = Task { try await engine.generate(GenerationRequest(count: 3), runID: runID, earlierInstructions: [], gate: gate) { _ in } }
        // Every worker reaches the closed gate before it asks anything of a member.
        for _ in 0..<100 { await Task.yield() }
        let idle = try await server.statistics()
        XCTAssertEqual(idle.requests, 0, "a paused run sends no request")
        await gate.setPaused(false)
        let stored = try await run.value
        XCTAssertEqual(stored, 3)
        let items = try await allItems()
        XCTAssertEqual(items.count, 3)
    }

    func testAFailingMemberDoesNotStallTheOthersAndIsVisible() async throws {
        let (stored, events) = try await run(try engine(outputMode: "error500"), GenerationRequest(count: 6))
        XCTAssertEqual(stored, 6)
        let items = try await allItems()
        XCTAssertEqual(items.count, 6)
        for detail in items {
            XCTAssertNotNil(detail.candidates[2].error)
            XCTAssertEqual(detail.candidateSet.consensus?.scores[2], 0)
        }
        let failures = events.filter { if case .memberFailed(let member, _) = $0 { return member == "few-shot" } else { return false } }
        XCTAssertEqual(failures.count, 6)
    }

    func testNoItemIsLostOrDuplicatedUnderFaults() async throws {
        for mode in ["busy429", "cut", "malformed", "empty", "ignorestop", "nostream"] {
            try await store.write { _ in }
            let before = try await allItems().count
            let (stored, _) = try await run(try engine(outputMode: mode, retries: 2), GenerationRequest(count: 4))
            let items = try await allItems()
            XCTAssertEqual(stored, 4, mode)
            XCTAssertEqual(items.count - before, 4, mode)
            XCTAssertEqual(Set(items.map(\.item.instruction)).count, items.count, "no instruction stored twice (\(mode))")
        }
    }

    func testAHangingMemberTimesOutIntoAnErrorCandidate() async throws {
        let (stored, _) = try await run(try engine(outputMode: "hang", timeout: 0.5), GenerationRequest(count: 2))
        XCTAssertEqual(stored, 2)
        for detail in try await allItems() { XCTAssertNotNil(detail.candidates[2].error) }
    }

    func testAnUnreachableGeneratorStopsTheRunWithAClearError() async throws {
        let closed = try FakeServerProcess()
        let port = closed.port
        closed.stop()
        var generator = server.member()
        generator.name = "generator"
        generator.baseURL = "http://127.0.0.1:\(port)/v1"
        let config = QuorumConfig(
            members: [generator], roles: Roles(instructionGenerator: "generator", instanceGenerator: "generator", outputMembers: []),
            seedsPath: "", storePath: "")
        let engine = try EnsembleEngine(
            config: config, models: [OpenAICompatibleModel(member: generator, retryPolicy: quickRetries)], seeds: try seeds(),
            store: store)
        do {
            _ = try await run(engine, GenerationRequest(count: 3))
            XCTFail("expected the run to stop")
        } catch let error as EngineError {
            XCTAssertTrue(error.description.contains("generator"), error.description)
        }
        let items = try await allItems()
        XCTAssertEqual(items.count, 0)
    }

    func testAutoAcceptCommitsTheConsensusAsAuto() async throws {
        let (stored, _) = try await run(try engine(), GenerationRequest(count: 4, autoAccept: true))
        XCTAssertEqual(stored, 4)
        for detail in try await allItems() {
            let history = try await store.history(of: detail.item.id!)
            if detail.candidateSet.consensus?.choice != nil {
                XCTAssertEqual(detail.item.status, .accepted)
                XCTAssertEqual(history.map(\.decision.curator), ["auto"])
            } else {
                XCTAssertEqual(history.count, 0)
            }
        }
    }

    func testRerunsRecordANewSetOrANewItem() async throws {
        let engine = try engine()
        _ = try await run(engine, GenerationRequest(count: 2, types: [.a]))
        let first = try await allItems()[0].item.id!
        _ = try await engine.rerunOutputs(itemID: first, ticket: 99, curator: "ana") { _ in }
        let rerun = try await store.item(first)
        XCTAssertEqual(rerun.candidateSet.ordinal, 1)
        XCTAssertEqual(rerun.candidates.count, 3)
        let replacement = try await engine.rerunInstance(itemID: first, ticket: 100, curator: "ana") { _ in }
        let newID = try XCTUnwrap(replacement)
        let old = try await store.item(first)
        XCTAssertEqual(old.item.status, .rejected)
        let new = try await store.item(newID)
        XCTAssertEqual(new.item.instruction, old.item.instruction)
    }

    func testEachRerunSendsAFreshSamplingSeedToEveryMember() async throws {
        let engine = try engine()
        _ = try await run(engine, GenerationRequest(count: 1, types: [.a]))
        let item = try await allItems()[0].item.id!
        let generation = try await server.requestBodies()
        let before = generation.count
        XCTAssertTrue(generation.allSatisfy { $0["seed"] == nil }, "a first generation sends no seed")
        _ = try await engine.rerunOutputs(itemID: item, ticket: 99, curator: "ana") { _ in }
        let firstRerun = Array(try await server.requestBodies().dropFirst(before))
        _ = try await engine.rerunOutputs(itemID: item, ticket: 100, curator: "ana") { _ in }
        let secondRerun = Array(try await server.requestBodies().dropFirst(before + firstRerun.count))
        XCTAssertEqual(firstRerun.count, 3, "one request per member")
        XCTAssertEqual(secondRerun.count, 3)
        let firstSeeds = Set(firstRerun.compactMap { $0["seed"] as? Int })
        let secondSeeds = Set(secondRerun.compactMap { $0["seed"] as? Int })
        XCTAssertEqual(firstSeeds.count, 1, "every member of a rerun gets its seed: \(firstRerun)")
        XCTAssertEqual(secondSeeds.count, 1)
        XCTAssertNotEqual(firstSeeds, secondSeeds, "the next rerun samples with another seed")
        XCTAssertTrue(firstSeeds.union(secondSeeds).allSatisfy { $0 >= 0 && $0 < 1 << 31 })
    }

    func testAnUnfinishedRunIsFoundForResuming() async throws {
        let config = try engine().config
        let request = GenerationRequest(count: 5)
        let runID = try await store.write { try $0.beginRun(source: RunSnapshot.source, configJSON: RunSnapshot.json(config, request)).id! }
        let engine = try engine()
        let partial = GenerationRequest(count: 2)
        _ = try await engine.generate(partial, runID: runID, earlierInstructions: []) { _ in }
        let runs = try await store.runs(source: RunSnapshot.source)
        let resumable = try XCTUnwrap(RunSnapshot.resumable(runs, config: config, request: request))
        XCTAssertEqual(resumable.runID, runID)
        XCTAssertEqual(resumable.remaining, 3)
        var other = request
        other.autoAccept = true
        XCTAssertNil(RunSnapshot.resumable(runs, config: config, request: other), "another request starts a new run")
    }
}
