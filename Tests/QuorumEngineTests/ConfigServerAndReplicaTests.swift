import XCTest
@testable import QuorumEngine

/// `server`, `base_urls` and the decoding penalties: read with their defaults, and refused with
/// the file, line and key where a server would not take them.
final class ConfigServerAndReplicaTests: XCTestCase {
    private func withMember(_ lines: String) -> String {
        """
        [[members]]
        name = "a"
        model = "m"
        \(lines)

        [[members]]
        name = "b"
        base_url = "http://127.0.0.1:8081/v1"
        model = "m"
        """
    }

    func testReplicasAndServerKindsAreRead() throws {
        let config = try ConfigText.parse(withMember("""
            base_urls = ["http://10.0.0.1:8000", "http://10.0.0.2:8000/v1"]
            server = "vllm"
            [members.decoding]
            repeat_penalty = 1.2
            frequency_penalty = 0.5
            presence_penalty = -0.5
            """))
        let member = config.members[0]
        XCTAssertEqual(member.baseURLs, ["http://10.0.0.1:8000/v1", "http://10.0.0.2:8000/v1"])
        XCTAssertEqual(member.baseURL, "http://10.0.0.1:8000/v1")
        XCTAssertEqual(member.server, .vllm)
        XCTAssertFalse(member.usesLocalEngine)
        XCTAssertEqual(member.decoding.repeatPenalty, 1.2)
        XCTAssertEqual(member.decoding.frequencyPenalty, 0.5)
        XCTAssertEqual(member.decoding.presencePenalty, -0.5)
        XCTAssertEqual(config.members[1].server, .openAI, "an endpoint of unknown kind gets OpenAI's fields only")
    }

    func testMembersOnTheEmbeddedEngineAreLlamaCpp() throws {
        let text = "[engine]\nkind = \"local\"\n" + withMember("[members.decoding]\ndry_multiplier = 0.8")
        let member = try ConfigText.parse(text).members[0]
        XCTAssertTrue(member.usesLocalEngine)
        XCTAssertEqual(member.server, .llamaCpp)
        XCTAssertEqual(member.decoding.dryMultiplier, 0.8)
    }

    func testSettingsAServerWouldNotTakeAreRefusedWithTheirLine() {
        let cases: [(String, String)] = [
            ("base_url = \"http://h:1/v1\"\n[members.decoding]\nrepeat_penalty = 1.1",
             "quorum.toml:6: members[0].decoding.repeat_penalty: is not part of the OpenAI API this member's server speaks "
                + "(server = \"openai\"); use frequency_penalty or presence_penalty, or set server = \"llama.cpp\" or "
                + "\"vllm\" on the member"),
            ("base_url = \"http://h:1/v1\"\nserver = \"vllm\"\n[members.decoding]\ndry_multiplier = 0.8",
             "quorum.toml:7: members[0].decoding.dry_multiplier: is llama.cpp's DRY sampler, which this member's server "
                + "(server = \"vllm\") does not have; set server = \"llama.cpp\" on the member if it runs llama-server"),
            ("base_url = \"http://h:1/v1\"\nbase_urls = [\"http://h:2/v1\"]",
             "quorum.toml:5: members[0].base_urls: is given with base_url: name one server with base_url, or several "
                + "with base_urls"),
            ("base_urls = []", "quorum.toml:4: members[0].base_urls: is empty (list the replicas' endpoints, or leave the key "
                + "out to use the embedded engine)"),
            ("base_urls = [\"http://h:1\", \"http://h:1/v1\"]", "quorum.toml:4: members[0].base_urls: lists http://h:1/v1 twice"),
            ("base_url = \"http://h:1/v1\"\nserver = \"tgi\"",
             "quorum.toml:5: members[0].server: expected one of \"llama.cpp\", \"vllm\", \"openai\", found \"tgi\""),
            ("base_url = \"http://h:1/v1\"\n[members.decoding]\nfrequency_penalty = 3",
             "quorum.toml:6: members[0].decoding.frequency_penalty: must be from -2 to 2, found 3"),
        ]
        for (lines, expected) in cases {
            let message = ConfigText.message(withMember(lines))
            XCTAssertTrue(message.hasPrefix(expected), "\(message)\n  expected: \(expected)")
        }
    }
}
