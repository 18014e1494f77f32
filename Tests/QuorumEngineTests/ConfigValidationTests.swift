import XCTest
@testable import QuorumEngine

/// Every rule the loader checks beyond types, each with its message.
final class ConfigValidationTests: XCTestCase {
    private func member(_ extra: String) -> String {
        ConfigText.twoMembers + "\n" + extra
    }

    func testTheSmallestConfigurationTakesTheDefaults() throws {
        let config = try ConfigText.parse(ConfigText.twoMembers)
        XCTAssertEqual(config.roles, Roles(instructionGenerator: "a", instanceGenerator: "a", outputMembers: ["b"]))
        XCTAssertEqual(config.members[0], MemberConfig(name: "a", baseURL: "http://127.0.0.1:8080/v1", model: "m"))
        XCTAssertEqual(config.engine, EngineSettings(kind: .none))
        XCTAssertEqual(config.filters, FilterConfig())
        XCTAssertEqual(config.generation, GenerationConfig())
        XCTAssertEqual(config.seedsPath, "/project/seeds/seed_tasks.jsonl")
        XCTAssertEqual(config.storePath, "/project/quorum.sqlite")
    }

    func testEveryKeyIsRead() throws {
        let text = """
            seeds = "s.jsonl"
            store = "s.sqlite"
            curator = "ana"
            [engine]
            kind = "none"
            [roles]
            instructions = "b"
            instances = "a"
            outputs = ["b", "a"]
            [filters]
            max_words_too_short = 2
            max_words = 100
            blacklist = ["photo"]
            novelty_threshold = 0.6
            min_agreement = 0
            [generation]
            seed = 42
            instruction_demonstrations_a = 10
            machine_demonstrations_a = 3
            instruction_demonstrations_b = 6
            machine_demonstrations_b = 1
            instance_demonstrations_a = 12
            instance_demonstrations_b = 9
            instruction_max_tokens = 200
            instruction_min_tokens = 0
            instance_max_tokens = 300
            instance_min_tokens = 20
            end_marker = " <END>"
            max_awaiting_review = 20
            [[members]]
            name = "a"
            base_url = "https://api.example.com/v1/"
            model = "m1"
            api = "chat"
            prompting = "zero-shot"
            max_concurrency = 8
            timeout = 30.5
            retries = 0
            api_key_env = "EXAMPLE_KEY"
            [members.decoding]
            temperature = 1
            top_p = 0.9
            top_k = 0
            max_tokens = 64
            stop = ["\\n\\n", "###"]
            seed = 7
            [[members]]
            name = "b"
            base_url = "http://gpu-2:8000"
            model = "m2"
            """
        let config = try ConfigText.parse(text)
        XCTAssertEqual(config.seedsPath, "/project/s.jsonl")
        XCTAssertEqual(config.storePath, "/project/s.sqlite")
        XCTAssertEqual(config.curator, "ana")
        XCTAssertEqual(config.roles, Roles(instructionGenerator: "b", instanceGenerator: "a", outputMembers: ["b", "a"]))
        XCTAssertEqual(
            config.filters,
            FilterConfig(maxWordsTooShort: 2, maxWords: 100, blacklist: ["photo"], noveltyThreshold: 0.6, minAgreement: 0))
        XCTAssertEqual(
            config.generation,
            GenerationConfig(
                seed: 42, instructionDemonstrationsA: 10, machineDemonstrationsA: 3, instructionDemonstrationsB: 6,
                machineDemonstrationsB: 1, instanceDemonstrationsA: 12, instanceDemonstrationsB: 9,
                instructionTokens: TokenBudget(maximum: 200, minimum: 0), instanceTokens: TokenBudget(maximum: 300, minimum: 20),
                endMarker: " <END>", maxAwaitingReview: 20))
        XCTAssertEqual(
            config.members[0],
            MemberConfig(
                name: "a", baseURL: "https://api.example.com/v1", model: "m1", api: .chat, prompting: .zeroShot,
                decoding: Decoding(temperature: 1, topP: 0.9, topK: nil, maxTokens: 64, stop: ["\n\n", "###"], seed: 7),
                maxConcurrency: 8, timeoutSeconds: 30.5, retries: 0, apiKeyEnv: "EXAMPLE_KEY"))
        XCTAssertEqual(config.members[1].baseURL, "http://gpu-2:8000/v1")
    }

    func testTheWorkbenchTable() throws {
        let config = try ConfigText.parse(ConfigText.twoMembers + "\n[workbench]\ntheme = \"light\"\nfragile_above = 0.1\n")
        XCTAssertEqual(config.workbench, WorkbenchConfig(theme: "light", fragileAbove: 0.1))
        XCTAssertEqual(try ConfigText.parse(ConfigText.twoMembers).workbench, WorkbenchConfig())
        let message = ConfigText.message(ConfigText.twoMembers + "\n[workbench]\nfragile_above = 2\n")
        XCTAssertTrue(message.contains("workbench.fragile_above"), message)
        XCTAssertTrue(message.contains("quorum.toml:"), message)
    }

    func testTheGuidelinesPathIsResolvedAndRemembersWhereItIsWritten() throws {
        let text = ConfigText.twoMembers + "\n[workbench]\ntheme = \"light\"\nguidelines = \"docs/RULES.md\"\n"
        let workbench = try ConfigText.parse(text).workbench
        XCTAssertEqual(workbench.guidelines, "/project/docs/RULES.md")
        let origin = try XCTUnwrap(workbench.guidelinesOrigin)
        XCTAssertEqual(origin.keyPath, "workbench.guidelines")
        XCTAssertEqual(origin.line, text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("guidelines") }! + 1)
        XCTAssertNil(try ConfigText.parse(ConfigText.twoMembers).workbench.guidelinesOrigin)
        let wrong = ConfigText.message(ConfigText.twoMembers + "\n[workbench]\nguidelines = 3\n")
        XCTAssertTrue(wrong.contains("workbench.guidelines"), wrong)
    }

    func testAtLeastOneMember() {
        XCTAssertEqual(ConfigText.message("seeds = \"s.jsonl\""), "quorum.toml: no ensemble members: add at least one [[members]] table")
        XCTAssertEqual(ConfigText.message("members = []"), "quorum.toml: no ensemble members: add at least one [[members]] table")
    }

    func testMemberNamesAreUniqueAndRequired() {
        let duplicate = ConfigText.twoMembers.replacingOccurrences(of: "name = \"b\"", with: "name = \"a\"")
        XCTAssertEqual(ConfigText.message(duplicate), #"quorum.toml:7: members[1].name: "a" is already the name of members[0]"#)
        let unnamed = ConfigText.twoMembers.replacingOccurrences(of: "name = \"b\"\n", with: "")
        XCTAssertEqual(
            ConfigText.message(unnamed), "quorum.toml:6: members[1].name: is missing (every member has a name the roles refer to)")
        let blank = ConfigText.twoMembers.replacingOccurrences(of: "name = \"b\"", with: "name = \" \"")
        XCTAssertEqual(ConfigText.message(blank), "quorum.toml:7: members[1].name: must not be empty")
        let noModel = ConfigText.twoMembers.replacingOccurrences(of: "model = \"m\"\n\n", with: "\n")
        XCTAssertEqual(
            ConfigText.message(noModel), "quorum.toml:1: members[0].model: is missing (the model name sent to the endpoint)")
    }

    func testRolesReferToMembers() {
        XCTAssertEqual(
            ConfigText.message(member("[roles]\ninstructions = \"c\"")),
            #"quorum.toml:11: roles.instructions: no member is named "c" (members: a, b)"#)
        XCTAssertEqual(
            ConfigText.message(ConfigText.twoMembers.replacingOccurrences(of: "\"b\"", with: "\"critic\"") + "\n[roles]\ninstances = \"crtic\""),
            #"quorum.toml:11: roles.instances: no member is named "crtic" (members: a, critic); did you mean "critic"?"#)
        XCTAssertEqual(
            ConfigText.message(member("[roles]\noutputs = [\"b\", \"z\"]")),
            #"quorum.toml:11: roles.outputs[1]: no member is named "z" (members: a, b)"#)
        XCTAssertEqual(
            ConfigText.message(member("[roles]\noutputs = [\"b\", \"b\"]")), #"quorum.toml:11: roles.outputs[1]: lists "b" twice"#)
    }

    func testConsensusNeedsAnAdditionalOutput() {
        let expected = "no member gives additional outputs; consensus needs at least one besides the instance generator "
            + "(add a member and list it in roles.outputs)"
        XCTAssertEqual(ConfigText.message(member("[roles]\noutputs = []")), "quorum.toml:11: roles.outputs: " + expected)
        let oneMember = "[[members]]\nname = \"a\"\nbase_url = \"http://h/v1\"\nmodel = \"m\""
        XCTAssertEqual(ConfigText.message(oneMember), "quorum.toml: roles.outputs: " + expected)
    }

    func testBaseURLsAreHTTPAndEndInV1() throws {
        func url(_ text: String) throws -> String {
            try ConfigText.parse(ConfigText.twoMembers.replacingOccurrences(of: "http://127.0.0.1:8081/v1", with: text))
                .members[1].baseURL
        }
        XCTAssertEqual(try url("http://10.0.0.5:8000"), "http://10.0.0.5:8000/v1")
        XCTAssertEqual(try url("http://10.0.0.5:8000/"), "http://10.0.0.5:8000/v1")
        XCTAssertEqual(try url("HTTPS://api.example.com/openai/v1/"), "https://api.example.com/openai/v1")
        func message(_ text: String) -> String {
            ConfigText.message(ConfigText.twoMembers.replacingOccurrences(of: "http://127.0.0.1:8081/v1", with: text))
        }
        XCTAssertEqual(
            message("ftp://host/v1"),
            #"quorum.toml:8: members[1].base_url: expected an http:// or https:// URL such as "http://127.0.0.1:8080/v1", found "ftp://host/v1""#)
        XCTAssertEqual(
            message("127.0.0.1:8080/v1"),
            #"quorum.toml:8: members[1].base_url: expected an http:// or https:// URL such as "http://127.0.0.1:8080/v1", found "127.0.0.1:8080/v1""#)
        XCTAssertEqual(
            message("http://host:8000/api"),
            "quorum.toml:8: members[1].base_url: must end with /v1, the root of the OpenAI-compatible API (for example "
                + #""http://10.0.0.5:8000/v1"), found "http://host:8000/api""#)
        XCTAssertEqual(message("http:///v1"), #"quorum.toml:8: members[1].base_url: names no host: "http:///v1""#)
    }

    func testAMemberWithoutBaseURLNeedsTheLocalEngine() throws {
        let local = ConfigText.twoMembers.replacingOccurrences(of: "base_url = \"http://127.0.0.1:8081/v1\"\n", with: "")
        XCTAssertEqual(
            ConfigText.message(local),
            "quorum.toml:6: members[1].base_url: is missing (the member's OpenAI-compatible endpoint, such as "
                + "\"http://127.0.0.1:8080/v1\"; members without one run on the embedded engine, which needs "
                + "[engine] kind = \"local\")")
        let config = try ConfigText.parse("[engine]\nkind = \"local\"\n" + local)
        XCTAssertEqual(config.members.map(\.usesLocalEngine), [false, true])
        XCTAssertEqual(config.members[1].baseURL, "")
        XCTAssertEqual(config.placingLocalMembers(at: "http://127.0.0.1:9999/v1").members.map(\.baseURL),
                       ["http://127.0.0.1:8080/v1", "http://127.0.0.1:9999/v1"])
    }

    func testMemberLimits() {
        let cases: [(String, String)] = [
            ("max_concurrency = 0", "members[1].max_concurrency: must be at least 1, found 0"),
            ("timeout = 0", "members[1].timeout: must be greater than 0, found 0"),
            ("timeout = -2.5", "members[1].timeout: must be greater than 0, found -2.5"),
            ("retries = -1", "members[1].retries: must be at least 0, found -1"),
        ]
        for (extra, expected) in cases {
            XCTAssertEqual(ConfigText.message(member(extra)), "quorum.toml:10: " + expected)
        }
    }

    func testDecodingLimits() throws {
        let cases: [(String, String)] = [
            ("temperature = -0.1", "members[1].decoding.temperature: must be at least 0, found -0.1"),
            ("temperature = nan", "members[1].decoding.temperature: must be a finite number"),
            ("top_p = 0", "members[1].decoding.top_p: must be greater than 0 and at most 1, found 0"),
            ("top_p = 1.5", "members[1].decoding.top_p: must be greater than 0 and at most 1, found 1.5"),
            ("top_k = -1", "members[1].decoding.top_k: must be at least 0, found -1"),
            ("max_tokens = 0", "members[1].decoding.max_tokens: must be at least 1, found 0"),
            ("stop = [\"\"]", "members[1].decoding.stop[0]: must not be empty"),
        ]
        for (extra, expected) in cases {
            XCTAssertEqual(ConfigText.message(member("[members.decoding]\n" + extra)), "quorum.toml:11: " + expected)
        }
        let greedy = try ConfigText.parse(member("[members.decoding]\ntemperature = 0\ntop_k = 0"))
        XCTAssertEqual(greedy.members[1].decoding, Decoding(temperature: 0, topK: nil))
    }

    func testFilterThresholdsAreFractions() {
        let cases: [(String, String)] = [
            ("novelty_threshold = 1.2", "filters.novelty_threshold: must be between 0 and 1, found 1.2"),
            ("min_agreement = -0.01", "filters.min_agreement: must be between 0 and 1, found -0.01"),
            ("max_words_too_short = -1", "filters.max_words_too_short: must be at least 0, found -1"),
            ("max_words = 3", "filters.max_words: max_words (3) must be greater than max_words_too_short (3)"),
            ("blacklist = [\"map\", \"\"]", "filters.blacklist[1]: must not be empty"),
        ]
        for (extra, expected) in cases {
            XCTAssertEqual(ConfigText.message(member("[filters]\n" + extra)), "quorum.toml:11: " + expected)
        }
    }

    func testGenerationLimits() {
        let cases: [(String, String)] = [
            ("seed = -1", "generation.seed: must be at least 0, found -1"),
            ("instruction_demonstrations_a = 0", "generation.instruction_demonstrations_a: must be at least 1, found 0"),
            ("seed_demonstrations_a = 20",
             "generation.seed_demonstrations_a: was replaced by instruction_demonstrations_a, the total number of "
                + "demonstrations per instruction prompt (seeds fill what the machine instructions leave; the reference's "
                + "numbers are 24 for type A and 10 for type B)"),
            ("machine_demonstrations_b = 10",
             "generation.machine_demonstrations_b: machine_demonstrations_b (10) must be less than "
                + "instruction_demonstrations_b (10): every instruction prompt keeps at least one seed"),
            ("instance_min_tokens = 600",
             "generation.instance_min_tokens: instance_min_tokens (600) must be at most instance_max_tokens (512)"),
            ("machine_demonstrations_b = -1", "generation.machine_demonstrations_b: must be at least 0, found -1"),
            ("instance_demonstrations_b = 0", "generation.instance_demonstrations_b: must be at least 1, found 0"),
            ("end_marker = \"\"", "generation.end_marker: must not be empty"),
            ("max_awaiting_review = 0", "generation.max_awaiting_review: must be at least 1, found 0"),
        ]
        for (extra, expected) in cases {
            XCTAssertEqual(ConfigText.message(member("[generation]\n" + extra)), "quorum.toml:11: " + expected)
        }
    }

    func testCuratorMustNotBeBlank() {
        XCTAssertEqual(ConfigText.message("curator = \"\"\n" + ConfigText.twoMembers), "quorum.toml:1: curator: must not be empty")
    }
}
