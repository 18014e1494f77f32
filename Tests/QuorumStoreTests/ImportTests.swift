import Foundation
import GRDB
import QuorumCore
import QuorumJSON
import XCTest
@testable import QuorumStore

final class ImportTests: StoreTestCase {
    /// Chooses the first candidate, so tests do not depend on Rouge-L.
    let firstWins: @Sendable ([String]) -> ConsensusResult = { texts in
        ConsensusResult(
            choice: 0, rule: .exact, scores: Array(repeating: 0, count: texts.count), margin: 0,
            matrix: texts.map { _ in Array(repeating: 0, count: texts.count) }, discard: nil)
    }

    func testImportsBothShapes() async throws {
        let file = try write("""
            {"instruction": "Add the numbers.", "input": "2 and 3", "candidates": ["5", "five", "6"], "members": ["x", "y", "z"]}

            {"instruction": "Name a colour.", "input": "", "output": "Blue"}\r
            {"instruction": "No input key.", "candidates": ["a"]}
            """, to: "data.jsonl")
        let store = try openWriter()
        let summary = try await store.importJSONL(from: .file(path: file), consensus: firstWins)
        XCTAssertEqual(summary.items, 3)
        XCTAssertEqual(summary.pending, 3)
        let page = try await store.reviewQueue()
        XCTAssertEqual(page.map(\.item.type), [.a, .b, .b])
        XCTAssertEqual(page[0].candidates.map(\.member), ["x", "y", "z"])
        XCTAssertEqual(page[1].candidates.map(\.text), ["Blue"])
        XCTAssertEqual(page[1].item.output, "Blue")
        XCTAssertEqual(page[2].item.input, "")
        let runSource = try await rawQuery(store) { try String.fetchOne($0, sql: "SELECT config_json FROM runs") }
        XCTAssertEqual(runSource, #"{"format":"jsonl","source":"\#(file.replacingOccurrences(of: "/", with: "/"))"}"#)
    }

    func testRealConsensusDecidesImportedCandidates() async throws {
        let file = try write(#"{"instruction": "Capital of France?", "input": "", "candidates": ["Paris", "paris.", "Lyon"]}"#, to: "data.jsonl")
        let store = try openWriter()
        _ = try await store.importJSONL(from: .file(path: file))
        let detail = try await store.reviewQueue()[0]
        XCTAssertEqual(detail.candidateSet.consensusRule, .exact)
        XCTAssertEqual(detail.item.chosen, 0)
    }

    func testEachBadLineIsNamedAndNothingIsStored() async throws {
        let good = #"{"instruction": "Fine.", "input": "", "output": "ok"}"#
        let cases: [(String, String)] = [
            (#"{"instruction": "x", "input": "", "candidates": "abc"}"#, #"field "candidates": expected an array of strings, found a string"#),
            (#"{"instruction": "x", "candidates": ["a", 3]}"#, #"field "candidates": expected an array of strings (element 1 is a number)"#),
            (#"{"input": "", "output": "x"}"#, #"field "instruction": missing"#),
            (#"{"instruction": 7, "output": "x"}"#, #"field "instruction": expected a string, found a number"#),
            (#"{"instruction": "x", "input": null, "output": "x"}"#, #"field "input": expected a string, found null"#),
            (#"{"instruction": "x", "input": ""}"#, #"field "candidates": missing"#),
            (#"{"instruction": "x", "candidates": []}"#, #"field "candidates": expected at least one candidate"#),
            (#"{"instruction": "x", "candidates": ["a"], "members": ["p", "q"]}"#, #"field "members": expected 1 names"#),
            (#"{"instruction": "x", "output": "y""#, "invalid JSON"),
            (#"["instruction"]"#, "expected a JSON object, found an array"),
        ]
        let store = try openWriter()
        for (bad, expected) in cases {
            let file = try write([good, good, bad, good].joined(separator: "\n"), to: "data.jsonl")
            await assertThrowsAsync({ try await store.importJSONL(from: .file(path: file), consensus: firstWins) }) { error in
                let message = "\(error)"
                XCTAssertTrue(message.hasPrefix("\(file):3: "), message)
                XCTAssertTrue(message.contains(expected), "\(message) does not say \(expected)")
            }
        }
        let counts = try await rawQuery(store) { db in
            try [Item.fetchCount(db), Run.fetchCount(db), Candidate.fetchCount(db)]
        }
        XCTAssertEqual(counts, [0, 0, 0], "a failed import leaves nothing behind")
    }

    func testInvalidUTF8IsNamedWithItsByte() async throws {
        var bytes = Array(#"{"instruction": "caf"#.utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: Array(#"", "output": "x"}"#.utf8))
        let file = path("latin1.jsonl")
        try Data(Array(#"{"instruction": "a", "output": "b"}"#.utf8) + [0x0A] + bytes).write(to: URL(fileURLWithPath: file))
        let store = try openWriter()
        await assertThrowsAsync({ try await store.importJSONL(from: .file(path: file), consensus: firstWins) }) { error in
            XCTAssertEqual("\(error)", "\(file):2: invalid UTF-8 at byte 21 of the line")
        }
    }

    func testMissingFileIsCannotRead() async throws {
        let store = try openWriter()
        await assertThrowsAsync({ try await store.importJSONL(from: .file(path: self.path("nope.jsonl"))) }) { error in
            guard case ImportError.cannotRead = error else { return XCTFail("\(error)") }
        }
    }

    func testOneMegabyteTextRoundTrips() async throws {
        let big = String(repeating: "Ünïcödé text with \"quotes\" and \\ slashes.\n", count: 25_000)
        XCTAssertGreaterThan(big.utf8.count, 1_000_000)
        var json = JSONTextWriter()
        json.value(.object(["instruction": .string("Summarise."), "input": .string(big), "candidates": .array([.string(big), .string("short")])]))
        let file = path("big.jsonl")
        try Data(json.bytes).write(to: URL(fileURLWithPath: file))
        let store = try openWriter()
        _ = try await store.importJSONL(from: .file(path: file), consensus: firstWins)
        let detail = try await store.reviewQueue()[0]
        XCTAssertEqual(detail.item.input, big)
        XCTAssertEqual(detail.candidates[0].text, big)
    }
}
