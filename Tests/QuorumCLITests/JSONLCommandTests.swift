import Foundation
import QuorumTestSupport
import XCTest

/// `quorum rouge`, `consensus` and `dedup` run as a user runs them: the real binary, real files.
final class JSONLCommandTests: CLITestCase {
    private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func testRougePrintsTheShortestRoundTripDecimalPerLine() throws {
        let input = """
            {"a": "a b c d e f g", "b": "a b c d e f g h i j k l m"}
            {"a": "The cats sat.", "b": "the cat sat"}

            {"a": "", "b": "anything"}
            """
        let plain = try QuorumBinary.run(["rouge"], in: folder, input: input)
        XCTAssertEqual(plain.status, 0, plain.standardError)
        XCTAssertEqual(plain.standardOutput, "0.7000000000000001\n0.6666666666666666\n0.0\n")
        let stemmed = try QuorumBinary.run(["rouge", "--stem"], in: folder, input: input)
        XCTAssertEqual(stemmed.standardOutput.split(separator: "\n")[1], "1.0")
    }

    func testBadLinesExit65NamingTheLineAndFieldAfterWholeEarlierLines() throws {
        let missing = try QuorumBinary.run(["rouge"], in: folder, input: "{\"a\": \"x\", \"b\": \"x\"}\n{\"a\": \"y\"}\n")
        XCTAssertEqual(missing.status, 65)
        XCTAssertEqual(missing.standardOutput, "1.0\n")
        XCTAssertTrue(missing.standardError.contains("<stdin>:2: missing field \"b\""), missing.standardError)

        var bytes = Array("{\"a\": \"x\", \"b\": \"x\"}\n".utf8)
        bytes += [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D, 0x0A]
        let path = try write("bad.jsonl", bytes)
        let invalid = try QuorumBinary.run(["rouge", path], in: folder)
        XCTAssertEqual(invalid.status, 65)
        XCTAssertTrue(invalid.standardError.contains("bad.jsonl:2: invalid UTF-8"), invalid.standardError)

        let wrongType = try QuorumBinary.run(["consensus"], in: folder, input: "{\"candidates\": [\"a\", 3]}\n")
        XCTAssertEqual(wrongType.status, 65)
        XCTAssertTrue(wrongType.standardError.contains("<stdin>:1: field \"candidates[1]\": expected a string, found a number"))

        let empty = try QuorumBinary.run(["consensus"], in: folder, input: "{\"candidates\": []}\n")
        XCTAssertEqual(empty.status, 65)
        XCTAssertTrue(empty.standardError.contains("field \"candidates\": the list is empty"))

        let notJSON = try QuorumBinary.run(["dedup"], in: folder, input: "{\"instruction\": \n")
        XCTAssertEqual(notJSON.status, 65)
        XCTAssertTrue(notJSON.standardError.contains("<stdin>:1: invalid JSON"))
    }

    func testConsensusKeepsTheLineAndAddsItsDecision() throws {
        let line = #"{"id": 7,  "candidates": ["Paris.", "paris", "Lyon"], "note": "é"}"#
        let result = try QuorumBinary.run(["consensus"], in: folder, input: line + "\n")
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(result.standardOutput.hasPrefix(#"{"id": 7,  "candidates": ["Paris.", "paris", "Lyon"], "note": "é","consensus":{"choice":0,"rule":"exact""#), result.standardOutput)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let consensus = try XCTUnwrap(object["consensus"] as? [String: Any])
        XCTAssertEqual((consensus["matrix"] as? [[Double]])?.count, 3)

        let again = try QuorumBinary.run(["consensus", "--min-agreement", "0.5"], in: folder, input: result.standardOutput)
        XCTAssertEqual(again.status, 0)
        let replaced = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(again.standardOutput.utf8)) as? [String: Any])
        XCTAssertNotNil(replaced["consensus"] as? [String: Any], "a second run replaces the decision")
    }

    func testDedupKeepsNovelRecordsInOrderAgainstThePool() throws {
        let pool = try write("pool.jsonl", Array(#"{"instruction": "Classify the sentiment of this movie review."}"#.utf8) + [0x0A])
        let input = """
            {"instruction": "Classify the sentiment of this short movie review.", "n": 1}
            {"instruction": "Write a haiku about the sea at night.", "n": 2}
            {"instruction": "Write a haiku about the sea at night!", "n": 3}
            {"instruction": "List three prime numbers larger than one hundred.", "n": 4}
            """
        let rejected = folder.appendingPathComponent("rejected.jsonl").path
        let result = try QuorumBinary.run(["dedup", "--pool", pool, "--rejected", rejected], in: folder, input: input)
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertEqual(result.standardOutput.split(separator: "\n").map { $0.contains("\"n\": 2") || $0.contains("\"n\": 4") }, [true, true])
        XCTAssertTrue(result.standardError.contains("kept 2 of 4 records"), result.standardError)
        let dropped = try String(contentsOfFile: rejected, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(dropped.count, 2)
        XCTAssertTrue(dropped[0].contains("\"similar_to\":\"\(pool):1\""), String(dropped[0]))
        XCTAssertTrue(dropped[1].contains("\"similar_to\":\"<stdin>:2\",\"score\":1.0"), String(dropped[1]))
    }

    func testAOneMegabyteTextWorks() throws {
        // 1 MB of text in 8,000 long tokens: the LCS is quadratic in tokens, not bytes.
        let words = (0..<8_000).map { "w\($0 % 997)" + String(repeating: "x", count: 125) }.joined(separator: " ")
        XCTAssertGreaterThan(words.utf8.count, 1_000_000)
        let input = "{\"a\": \"\(words)\", \"b\": \"\(words)\"}\n"
        let result = try QuorumBinary.run(["rouge"], in: folder, input: input)
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertEqual(result.standardOutput, "1.0\n")
    }
}
