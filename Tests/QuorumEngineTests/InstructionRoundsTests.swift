import Foundation
import QuorumCore
import QuorumStore
import XCTest
@testable import QuorumEngine
import QuorumTestSupport

/// Step 1 that yields nothing usable ends the run, also without a target (the workbench).
final class InstructionRoundsTests: XCTestCase {
    // MARK: fruitless rounds

    func testRoundsWithoutAKeptInstructionAreCountedInARowAndStopAtTheLimit() async {
        let rounds = FruitlessRounds(limit: 4)
        var outcome = await rounds.record(member: "gen", answer: "", dropped: [], kept: 0)
        XCTAssertEqual(outcome.inARow, 1)
        XCTAssertNil(outcome.stop)
        outcome = await rounds.record(member: "gen", answer: " A task. |EoS|", dropped: [], kept: 1)
        XCTAssertEqual(outcome.inARow, 0, "a kept instruction starts the count again")
        _ = await rounds.record(member: "gen", answer: "", dropped: [], kept: 0)
        _ = await rounds.record(member: "gen", answer: "Go.", dropped: [.tooShort(words: 1), .tooShort(words: 2)], kept: 0)
        _ = await rounds.record(member: "gen", answer: "nothing numbered", dropped: [], kept: 0)
        outcome = await rounds.record(member: "gen", answer: "Draw", dropped: [.blacklisted(word: "draw")], kept: 0)
        XCTAssertEqual(outcome.inARow, 4)
        XCTAssertEqual(
            outcome.stop?.description,
            #"the instruction generator "gen" gave no usable instruction in 4 rounds in a row, stopping: "#
                + #"1 empty answer, 1 answer without an instruction, 3 instructions dropped (2 too short, 1 mentions "draw")"#)
    }

    /// The workbench generates with no target (`count` is Int.max): it must stop too, not spin.
    func testTheEngineWithoutATargetStopsWhenTheGeneratorAnswersNothing() async throws {
        let server = try FakeServerProcess()
        defer { server.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-rounds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(at: folder.appendingPathComponent("store.sqlite").path, access: .write(command: "test"))
        defer { try? store.close() }
        var generator = server.member(mode: "empty")
        generator.name = "generator"
        var other = server.member()
        other.name = "other"
        let config = QuorumConfig(
            members: [generator, other],
            roles: Roles(instructionGenerator: "generator", instanceGenerator: "generator", outputMembers: ["other"]),
            generation: GenerationConfig(maxFruitlessRounds: 7), seedsPath: "", storePath: "")
        let seeds = try SeedPool.load(path: FakeServerProcess.repositoryRoot.appendingPathComponent("seeds/seed_tasks.jsonl").path)
        let engine = try EnsembleEngine(
            config: config, models: config.members.map { OpenAICompatibleModel(member: $0, retryPolicy: quickRetries) },
            seeds: seeds.map(\.demonstration), store: store)
        let runID = try await store.write { try $0.beginRun(source: "review", configJSON: "{}").id! }
        let rounds = RoundLog()
        let outcome = try await withThrowingTaskGroup(of: String.self) { group in
            group.addTask {
                do {
                    _ = try await engine.generate(GenerationRequest(count: Int.max), runID: runID, earlierInstructions: []) { event in
                        if case .instructionRound(_, let inARow, _) = event { rounds.append(inARow) }
                    }
                    return "finished"
                } catch let error as EngineError {
                    return error.description
                }
            }
            group.addTask {
                try await Task.sleep(for: .seconds(60))
                return "still generating after 60 s"
            }
            let first = try await group.next()!
            group.cancelAll()
            return first
        }
        XCTAssertEqual(
            outcome,
            #"the instruction generator "generator" gave no usable instruction in 7 rounds in a row, stopping: 7 empty answers"#)
        XCTAssertEqual(rounds.values.max(), 7)
    }
}

/// The fruitless-round counts the engine reported, from any task.
private final class RoundLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Int] = []

    var values: [Int] { lock.withLock { recorded } }

    func append(_ value: Int) { lock.withLock { recorded.append(value) } }
}
