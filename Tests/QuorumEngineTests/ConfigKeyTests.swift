import XCTest
@testable import QuorumEngine

/// Unknown keys, wrong types, secrets and syntax errors: each message names the file, the key
/// and the line.
final class ConfigKeyTests: XCTestCase {
    func testAMisspeltKeyIsRejectedWithASuggestionAndItsLine() {
        let text = ConfigText.twoMembers + """

            [members.decoding]
            temprature = 0.2
            """
        XCTAssertEqual(
            ConfigText.message(text),
            #"quorum.toml:11: unknown key "temprature" in [members[1].decoding] (did you mean "temperature"?)"#)
    }

    func testUnknownTopLevelKeysAndTables() {
        XCTAssertEqual(
            ConfigText.message("sedes = \"x.jsonl\"\n" + ConfigText.twoMembers),
            #"quorum.toml:1: unknown key "sedes" at the top level (did you mean "seeds"?)"#)
        XCTAssertEqual(
            ConfigText.message(ConfigText.twoMembers + "\n[colours]\nbackground = \"blue\""),
            #"quorum.toml:10: unknown key "colours" at the top level"#)
    }

    func testSpellingVariantsOfAKeyAreRecognised() {
        let text = ConfigText.twoMembers.replacingOccurrences(of: "base_url = \"http://127.0.0.1:8081/v1\"", with: "baseURL = \"http://x/v1\"")
        XCTAssertEqual(ConfigText.message(text), #"quorum.toml:8: unknown key "baseURL" in [members[1]] (did you mean "base_url"?)"#)
    }

    func testAKeyInsideAnInlineTableIsTracedToItsTable() {
        let text = ConfigText.twoMembers + "\ndecoding = { temperature = 0.1, topp = 0.9 }"
        XCTAssertEqual(
            ConfigText.message(text),
            #"quorum.toml:10: unknown key "topp" in [members[1].decoding] (did you mean "top_p"?)"#)
    }

    func testWrongTypesNameTheKeyPath() {
        let cases: [(String, String)] = [
            ("[members.decoding]\ntemperature = \"hot\"",
             "quorum.toml:11: members[1].decoding.temperature: expected a number, found a string"),
            ("max_concurrency = 2.5", "quorum.toml:10: members[1].max_concurrency: expected an integer, found a float"),
            ("timeout = true", "quorum.toml:10: members[1].timeout: expected a number, found a boolean"),
            ("[members.decoding]\nstop = \"###\"",
             "quorum.toml:11: members[1].decoding.stop: expected an array of strings, found a string"),
            ("[members.decoding]\nstop = [\"###\", 3]",
             "quorum.toml:11: members[1].decoding.stop[1]: expected a string, found an integer"),
            ("[members.decoding]\ntop_k = 1979-05-27", "quorum.toml:11: members[1].decoding.top_k: expected an integer, found a date"),
            ("api = \"complete\"", #"quorum.toml:10: members[1].api: expected "completions" or "chat", found "complete""#),
            ("prompting = \"few_shot\"",
             #"quorum.toml:10: members[1].prompting: expected "few-shot" or "zero-shot", found "few_shot""#),
            ("decoding = 3", "quorum.toml:10: members[1].decoding: expected a table, found an integer"),
        ]
        for (extra, expected) in cases {
            XCTAssertEqual(ConfigText.message(ConfigText.twoMembers + "\n" + extra), expected)
        }
    }

    func testWrongTypesOfTablesAndTopLevelKeys() {
        XCTAssertEqual(
            ConfigText.message("seeds = 3\n" + ConfigText.twoMembers),
            "quorum.toml:1: seeds: expected a string, found an integer")
        XCTAssertEqual(
            ConfigText.message("[members]\nname = \"a\""),
            "quorum.toml:1: members: expected an array of tables ([[members]]), found a table")
        XCTAssertEqual(
            ConfigText.message("members = [\"a\"]"), "quorum.toml:1: members[0]: expected a table, found a string")
        XCTAssertEqual(
            ConfigText.message("roles = \"a\"\n" + ConfigText.twoMembers),
            "quorum.toml:1: roles: expected a table, found a string")
        XCTAssertEqual(
            ConfigText.message(ConfigText.twoMembers + "\n[roles]\noutputs = \"b\""),
            "quorum.toml:11: roles.outputs: expected an array of strings, found a string")
        XCTAssertEqual(
            ConfigText.message("[engine]\nkind = \"remote\"\n" + ConfigText.twoMembers),
            #"quorum.toml:2: engine.kind: expected "local" or "none", found "remote""#)
    }

    func testALiteralAPIKeyIsRefusedWithoutRepeatingIt() {
        for key in ["api_key", "apiKey", "OPENAI_API_KEY", "token", "bearer_token", "password"] {
            let text = ConfigText.twoMembers + "\n\(key) = \"sk-live-0123456789\""
            let message = ConfigText.message(text)
            XCTAssertTrue(message.hasPrefix("quorum.toml:10: members[1].\(key): secrets are not read from quorum.toml"), message)
            XCTAssertTrue(message.contains("api_key_env"), message)
            XCTAssertFalse(message.contains("sk-live"), message)
        }
        let topLevel = ConfigText.message("openai_token = \"sk-live-0123456789\"\n" + ConfigText.twoMembers)
        XCTAssertTrue(topLevel.hasPrefix("quorum.toml:1: openai_token: secrets are not read"), topLevel)
    }

    func testAKeyWhereAVariableNameBelongsIsRefusedWithoutRepeatingIt() {
        let message = ConfigText.message(ConfigText.twoMembers + "\napi_key_env = \"sk-live-0123456789\"")
        XCTAssertEqual(
            message,
            "quorum.toml:10: members[1].api_key_env: must be the name of an environment variable "
                + "(letters, digits and _, not starting with a digit), not the key itself")
    }

    func testCredentialsInABaseURLAreRefusedWithoutRepeatingThem() {
        let text = ConfigText.twoMembers.replacingOccurrences(of: "http://127.0.0.1:8081/v1", with: "https://ana:hunter2@api.example/v1")
        let message = ConfigText.message(text)
        XCTAssertTrue(message.hasPrefix("quorum.toml:8: members[1].base_url: must not carry a user name or password"), message)
        XCTAssertFalse(message.contains("hunter2"), message)
        let query = ConfigText.twoMembers.replacingOccurrences(of: "8081/v1", with: "8081/v1?key=hunter2")
        XCTAssertFalse(ConfigText.message(query).contains("hunter2"))
    }

    func testANameThatNamesAVariableIsNotASecret() {
        XCTAssertEqual(
            ConfigText.message("api_key_env = \"X\"\n" + ConfigText.twoMembers),
            #"quorum.toml:1: unknown key "api_key_env" at the top level"#)
    }

    func testATOMLSyntaxErrorGivesLineAndColumn() throws {
        let text = ConfigText.twoMembers + "\n[members.decoding]\ntemperature = 0.7.1"
        let error = try XCTUnwrap(ConfigText.error(text))
        XCTAssertEqual(error.line, 11)
        XCTAssertNotNil(error.column)
        XCTAssertTrue(error.description.hasPrefix("quorum.toml:11:\(error.column ?? 0): TOML syntax error: "), error.description)
    }

    func testADuplicateKeyIsASyntaxError() throws {
        let error = try XCTUnwrap(ConfigText.error("seeds = \"a\"\nseeds = \"b\"\n" + ConfigText.twoMembers))
        XCTAssertEqual(error.line, 2)
        XCTAssertTrue(error.message.hasPrefix("TOML syntax error: "), error.message)
    }
}
