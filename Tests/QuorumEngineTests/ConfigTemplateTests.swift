import XCTest
@testable import QuorumEngine

/// The commented `quorum.toml` that `quorum init` writes loads as the default ensemble, and its
/// example mixture loads once uncommented.
final class ConfigTemplateTests: XCTestCase {
    func testTheTemplateLoadsAsTheDefaultEnsembleOnTheLocalEngine() throws {
        let config = try ConfigText.parse(QuorumConfigTemplate.text, folder: "/home/ana/work")
        XCTAssertEqual(config.engine, EngineSettings(kind: .local))
        XCTAssertEqual(config.members.map(\.name), ["generator", "zero-shot-greedy", "few-shot-greedy"])
        XCTAssertEqual(config.members.map(\.prompting), [.fewShot, .zeroShot, .fewShot])
        XCTAssertEqual(config.members.map(\.decoding.temperature), [0.7, 0, 0])
        XCTAssertTrue(config.members.allSatisfy { $0.usesLocalEngine && $0.baseURL.isEmpty && $0.api == .completions })
        XCTAssertTrue(config.members.allSatisfy { $0.model == "gemma-3-270m" && $0.apiKeyEnv == nil })
        XCTAssertEqual(
            config.members[0].decoding, Decoding(temperature: 0.7, topP: 1, topK: 50, maxTokens: 256, stop: [], repeatPenalty: 1.1))
        XCTAssertEqual(config.members.map(\.decoding.dryMultiplier), [nil, 0.8, 0.8], "the greedy members do not loop")
        XCTAssertEqual(config.members.map(\.server), [.llamaCpp, .llamaCpp, .llamaCpp])
        XCTAssertEqual(config.members.map(\.maxConcurrency), [2, 2, 2])
        XCTAssertEqual(
            config.roles,
            Roles(instructionGenerator: "generator", instanceGenerator: "generator",
                  outputMembers: ["zero-shot-greedy", "few-shot-greedy"]))
        XCTAssertEqual(config.filters, FilterConfig())
        XCTAssertEqual(config.generation, GenerationConfig())
        XCTAssertEqual(config.workbench.theme, "dark")
        XCTAssertEqual(config.workbench.fragileAbove, 0.5)
        XCTAssertEqual(config.workbench.guidelines, "/home/ana/work/GUIDELINES.md", "beside quorum.toml, where init writes it")
        XCTAssertEqual(config.seedsPath, "/home/ana/work/seeds/seed_tasks.jsonl")
        XCTAssertEqual(config.storePath, "/home/ana/work/quorum.sqlite")
        XCTAssertNil(config.curator)
        XCTAssertTrue(config.needsLocalEngine)
    }

    func testTheTemplateMentionsEveryKey() {
        let keys = QuorumConfigLoader.topLevelKeys + EngineSettings.tomlKeys + Roles.tomlKeys + FilterConfig.tomlKeys
            + GenerationConfig.tomlKeys.filter { GenerationConfig.renamedKeys[$0] == nil } + MemberConfig.tomlKeys + Decoding.tomlKeys + WorkbenchConfig.tomlKeys
        for key in keys {
            XCTAssertTrue(QuorumConfigTemplate.text.contains("\(key) "), "\(key) is not explained")
        }
    }

    func testTheExampleMixtureLoadsOnceUncommented() throws {
        let lines = QuorumConfigTemplate.text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try XCTUnwrap(lines.firstIndex(of: "# [engine]"))
        let uncommented = lines[start...].map { $0 == "#" ? "" : String($0.dropFirst(2)) }.joined(separator: "\n")
        let config = try ConfigText.parse(uncommented)
        XCTAssertEqual(config.engine.kind, EngineSettings.Kind.none)
        XCTAssertEqual(config.members.map(\.name), ["falcon-vllm", "mistral-tgi", "llama-server", "qwen-ollama", "hosted"])
        XCTAssertEqual(config.members.map(\.api), [.completions, .chat, .completions, .chat, .chat])
        XCTAssertEqual(
            config.members.map(\.baseURL),
            ["http://10.0.0.11:8000/v1", "http://10.0.0.12:8080/v1", "http://10.0.0.13:8080/v1",
             "http://10.0.0.14:11434/v1", "https://api.openai.com/v1"])
        XCTAssertFalse(config.needsLocalEngine)
        XCTAssertEqual(config.members[0].baseURLs, ["http://10.0.0.11:8000/v1", "http://10.0.0.15:8000/v1"])
        XCTAssertEqual(config.members.map(\.server), [.vllm, .openAI, .llamaCpp, .openAI, .openAI])
        let hosted = try XCTUnwrap(config.member(named: "hosted"))
        XCTAssertEqual(hosted.apiKeyEnv, "OPENAI_API_KEY")
        XCTAssertNil(hosted.decoding.topK)
        XCTAssertEqual(hosted.retries, 5)
        XCTAssertEqual(config.roles.outputMembers, ["mistral-tgi", "llama-server", "qwen-ollama", "hosted"])
    }

    func testLocalMembersTakeTheEnginesURLOnceItIsUp() throws {
        let config = try ConfigText.parse(QuorumConfigTemplate.text)
        let placed = config.placingLocalMembers(at: "http://127.0.0.1:41234/v1")
        XCTAssertEqual(Set(placed.members.map(\.baseURL)), ["http://127.0.0.1:41234/v1"])
        XCTAssertEqual(placed.roles, config.roles)
    }
}
