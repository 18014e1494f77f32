import Foundation
import QuorumStore
import QuorumTestSupport
import XCTest
@testable import QuorumEngine

/// What the engine sends, read back from the loopback server: fixed instance templates (every
/// instance request of a type starts with the same bytes), the reference's demonstration counts
/// and token budgets, and each server kind's decoding fields.
final class PipelineRequestShapeTests: XCTestCase {
    private var server: FakeServerProcess!
    private var folder: URL!
    private var store: Store!
    private var seeds: [Demonstration] = []

    override func setUpWithError() throws {
        server = try FakeServerProcess()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-shape-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try Store.open(at: folder.appendingPathComponent("store.sqlite").path, access: .write(command: "test"))
        seeds = try SeedPool.load(path: FakeServerProcess.repositoryRoot.appendingPathComponent("seeds/seed_tasks.jsonl").path)
            .map(\.demonstration)
    }

    override func tearDownWithError() throws {
        try? store.close()
        server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    private func member(_ name: String, server kind: MemberServer, prompting: Prompting, decoding: Decoding) -> MemberConfig {
        MemberConfig(
            name: name, baseURL: server.baseURL(), model: name, prompting: prompting, decoding: decoding, maxConcurrency: 2,
            timeoutSeconds: 10, retries: 0, server: kind)
    }

    /// Generates `count` items with a vLLM generator, a llama.cpp zero-shot member and an
    /// OpenAI-API few-shot member; returns the request bodies by model name.
    private func bodies(count: Int) async throws -> [String: [[String: Any]]] {
        let members = [
            member("generator", server: .vllm, prompting: .fewShot, decoding: Decoding(temperature: 0.7, repeatPenalty: 1.15)),
            member(
                "zero-shot", server: .llamaCpp, prompting: .zeroShot,
                decoding: Decoding(temperature: 0, maxTokens: 256, repeatPenalty: 1.1, dryMultiplier: 0.8)),
            member(
                "few-shot", server: .openAI, prompting: .fewShot,
                decoding: Decoding(temperature: 0, maxTokens: 200, frequencyPenalty: 0.5, presencePenalty: 0.25)),
        ]
        let config = QuorumConfig(
            members: members,
            roles: Roles(instructionGenerator: "generator", instanceGenerator: "generator", outputMembers: ["zero-shot", "few-shot"]),
            generation: GenerationConfig(seed: 3), seedsPath: "", storePath: "")
        let engine = try EnsembleEngine(
            config: config, models: members.map { OpenAICompatibleModel(member: $0, retryPolicy: quickRetries) }, seeds: seeds,
            store: store)
        let runID = try await store.write { try $0.beginRun(source: "generate", configJSON: "{}").id! }
        let stored = try await engine.generate(GenerationRequest(count: count), runID: runID, earlierInstructions: []) { _ in }
        XCTAssertEqual(stored, count)
        return Dictionary(grouping: try await server.requestBodies()) { $0["model"] as? String ?? "" }
    }

    private func prompt(_ body: [String: Any]) -> String { body["prompt"] as? String ?? "" }

    func testEveryInstanceRequestOfATypeStartsWithTheSameBytes() async throws {
        let byModel = try await bodies(count: 10)
        let instancePrompts = (byModel["generator"] ?? []).map(prompt).filter { $0.hasSuffix("\n") && $0.contains("instruction: ") }
        let fewShotPrompts = (byModel["few-shot"] ?? []).map(prompt)
        for (type, header, blocks) in [(ItemType.a, InstancePrompt.headerA, 18), (.b, InstancePrompt.headerB, 15)] {
            let ofType = (instancePrompts + fewShotPrompts).filter { $0.hasPrefix(header) }
            XCTAssertGreaterThan(ofType.count, 2, "type \(type.rawValue) had several instance and output requests")
            let shared = ofType.dropFirst().reduce(ofType[0]) { String($0.commonPrefix(with: $1)) }
            XCTAssertEqual(shared.components(separatedBy: " |EoS|\n\n").count - 1, blocks,
                           "the shared prefix holds all \(blocks) demonstrations of the fixed template")
            for prompt in ofType {
                let tail = prompt.dropFirst(shared.count)
                XCTAssertFalse(tail.contains(" |EoS|"), "what varies comes after the shared prefix: \(tail.prefix(80))")
            }
            let template = seeds.filter { ($0.input.isEmpty ? ItemType.b : .a) == type }.prefix(blocks)
            XCTAssertTrue(shared.contains("instruction: \(template.last!.instruction)\n"), "the template is the first seeds in file order")
        }
    }

    func testInstructionPromptsHoldTheReferenceCountsWithAtMostFourMachineInstructions() async throws {
        let byModel = try await bodies(count: 24)
        let seedTypes = Dictionary(seeds.map { ($0.instruction, $0.input.isEmpty ? ItemType.b : .a) }, uniquingKeysWith: { a, _ in a })
        let instructionPrompts = (byModel["generator"] ?? []).map(prompt).filter { $0.hasPrefix("Come up with a series of tasks:") }
        XCTAssertGreaterThan(instructionPrompts.count, 2)
        var sawMachine = false
        for text in instructionPrompts {
            let lines = text.split(separator: "\n").filter { $0.hasSuffix(" |EoS|") }
            let instructions = lines.map { line -> String in
                let numbered = line.dropLast(" |EoS|".count)
                return String(numbered.drop { $0 != " " }.dropFirst())
            }
            let types = Set(instructions.compactMap { seedTypes[$0] })
            XCTAssertEqual(types.count, 1, "one type's seeds per prompt")
            let machine = instructions.filter { seedTypes[$0] == nil }.count
            sawMachine = sawMachine || machine > 0
            XCTAssertLessThanOrEqual(machine, 4)
            XCTAssertEqual(instructions.count, types.first == .a ? 24 : 10, text)
        }
        XCTAssertTrue(sawMachine, "later prompts carry machine instructions")
    }

    func testEachStepSendsItsBudgetAndEachServerItsOwnFields() async throws {
        let byModel = try await bodies(count: 4)
        let generator = byModel["generator"] ?? []
        let instruction = try XCTUnwrap(generator.first { prompt($0).hasPrefix("Come up with a series of tasks:") })
        XCTAssertEqual(instruction["max_tokens"] as? Int, 256)
        XCTAssertEqual(instruction["min_tokens"] as? Int, 15, "vLLM takes a minimum")
        XCTAssertEqual(instruction["stop"] as? [String], ["|EoS|"])
        let instance = try XCTUnwrap(generator.first { prompt($0).hasPrefix(InstancePrompt.headerA) || prompt($0).hasPrefix(InstancePrompt.headerB) })
        XCTAssertEqual(instance["max_tokens"] as? Int, 512)
        XCTAssertEqual(instance["min_tokens"] as? Int, 50)
        XCTAssertEqual(instance["temperature"] as? Double, 0.7, "instances are sampled")
        XCTAssertEqual(Set(instance["stop"] as? [String] ?? []), ["\n\n", "|EoS|"])
        XCTAssertEqual(instance["repetition_penalty"] as? Double, 1.15, "vLLM's name for the repeat penalty")
        XCTAssertNil(instance["repeat_penalty"])
        XCTAssertNil(instance["cache_prompt"])

        let zeroShot = try XCTUnwrap(byModel["zero-shot"]?.first)
        XCTAssertEqual(zeroShot["max_tokens"] as? Int, 256)
        XCTAssertEqual(zeroShot["temperature"] as? Double, 0)
        XCTAssertEqual(Set(zeroShot["stop"] as? [String] ?? []), ["\n\n", "|EoS|"], "zero-shot outputs stop as the reference's do")
        XCTAssertNil(zeroShot["min_tokens"], "llama.cpp has no minimum")
        XCTAssertEqual(zeroShot["repeat_penalty"] as? Double, 1.1)
        XCTAssertEqual(zeroShot["dry_multiplier"] as? Double, 0.8)
        XCTAssertEqual(zeroShot["cache_prompt"] as? Bool, true)

        let fewShot = try XCTUnwrap(byModel["few-shot"]?.first)
        XCTAssertEqual(fewShot["max_tokens"] as? Int, 200, "outputs keep the member's own budget")
        XCTAssertEqual(fewShot["frequency_penalty"] as? Double, 0.5)
        XCTAssertEqual(fewShot["presence_penalty"] as? Double, 0.25)
        for key in ["min_tokens", "repeat_penalty", "repetition_penalty", "dry_multiplier", "cache_prompt"] {
            XCTAssertNil(fewShot[key], "\(key) is not part of the OpenAI API")
        }
    }
}
