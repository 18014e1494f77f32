import Foundation
import QuorumStore
import XCTest
import QuorumTestSupport

/// No piece of an API key survives an excerpt, in messages, the store or an export.
final class GenerateKeyRedactionTests: GenerateBinaryTestCase {
    func testAKeyStraddlingTheHTTPBodyCutLeavesNoPrefixOnStandardError() throws {
        // The 401 body holds the key at offset 287: the 300-character excerpt cuts it after 13 characters.
        try configure(generator: "echokey_287", outputs: "ok", keyed: ["generator"])
        let result = try run(["generate", "--count", "1"], environment: ["QUORUM_TEST_KEY": key])
        XCTAssertEqual(result.status, 75, result.errors)
        XCTAssertTrue(result.errors.contains("HTTP 401: kkkk"), result.errors)
        XCTAssertTrue(result.errors.contains("[redacted]"), result.errors)
        assertNoKeyPrefix(in: result.errors, "standard error")
    }

    func testAKeyStraddlingEitherCutLeavesNoPrefixInTheStoreOrTheExport() async throws {
        // zero-shot: a 401 body cut at 300 characters; few-shot: an unparsable event cut at 120.
        try configure(
            generator: "ok", outputs: "ok", modes: ["zero-shot-greedy": "echokey_287", "few-shot-greedy": "echokeyjson_107"],
            keyed: ["zero-shot-greedy", "few-shot-greedy"])
        let generated = try run(["generate", "--count", "2"], environment: ["QUORUM_TEST_KEY": key])
        XCTAssertEqual(generated.status, 0, generated.errors)
        assertNoKeyPrefix(in: generated.errors, "standard error")

        let store = try Store.open(at: folder.appendingPathComponent("quorum.sqlite").path, access: .read)
        defer { try? store.close() }
        let items = try await store.items(withStatus: ItemStatus.allCases, limit: 100)
        XCTAssertEqual(items.count, 2)
        let errors = items.flatMap(\.candidates).compactMap(\.error)
        XCTAssertEqual(errors.count, 4, "both output members failed on both items")
        XCTAssertTrue(errors.contains { $0.hasPrefix("HTTP 401: kkkk") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.hasPrefix("malformed response: invalid JSON: kkkk") }, "\(errors)")
        for error in errors { assertNoKeyPrefix(in: error, "candidates.error") }

        let exported = try run(["export", "--format", "full", "--status", "all"])
        XCTAssertEqual(exported.status, 0, exported.errors)
        XCTAssertTrue(exported.output.contains("[redacted]"), exported.output)
        assertNoKeyPrefix(in: exported.output, "export --format full")
    }
}
