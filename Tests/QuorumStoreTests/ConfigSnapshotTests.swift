import XCTest
@testable import QuorumStore

final class ConfigSnapshotTests: StoreTestCase {
    func testSecretsAreNeverStored() async throws {
        let store = try openWriter()
        let config = #"{"endpoints": [{"url": "http://x", "api_key": "sk-123", "apiKey": "sk-456"}], "HF_TOKEN": "hf_789", "max_tokens": 256, "password": "p"}"#
        let run = try await store.write { try $0.beginRun(source: "generate", configJSON: config) }
        for secret in ["sk-123", "sk-456", "hf_789", "\"p\""] {
            XCTAssertFalse(run.configJSON.contains(secret), run.configJSON)
        }
        XCTAssertTrue(run.configJSON.contains(#""max_tokens":256"#), run.configJSON)
        let raw = try Data(contentsOf: URL(fileURLWithPath: path("quorum.sqlite")))
            + ((try? Data(contentsOf: URL(fileURLWithPath: path("quorum.sqlite-wal")))) ?? Data())
        XCTAssertNil(raw.range(of: Data("sk-123".utf8)), "the secret reached the file")
    }

    func testConfigHashIsSHA256OfTheStoredSnapshot() {
        XCTAssertEqual(ConfigHash.hex(of: Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(ConfigHash.hex(of: []), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array(String(repeating: "a", count: 1_000).utf8)
        XCTAssertEqual(ConfigHash.hex(of: long), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
