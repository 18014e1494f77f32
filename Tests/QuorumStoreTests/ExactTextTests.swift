import Foundation
import QuorumCore
import QuorumTestSupport
import XCTest
@testable import QuorumStore

/// Issue 12: text with U+0000, every C0 and C1 control character round-trips exactly through
/// import, the store and every export format, through the real binary; a lone surrogate
/// escape is refused naming the file, the line and the field.
final class ExactTextTests: StoreTestCase {
    /// NUL first, inside and last; C0 (U+0001–U+001F), DEL, C1 (U+0080–U+009F).
    static let hostile: [String] = {
        let c0 = String(String.UnicodeScalarView((0x01...0x1F).map { Unicode.Scalar($0)! }))
        let c1 = String(String.UnicodeScalarView((0x7F...0x9F).map { Unicode.Scalar($0)! }))
        return ["NUL test\u{0}hidden tail", "\u{0}lead", "trail\u{0}", "c0 " + c0 + " end", "c1 " + c1 + " end", "\u{0}\u{0}"]
    }()

    /// A JSON string literal with every control character and non-ASCII scalar escaped.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value >= 0x7F:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private func assertExact(_ actual: Any?, _ expected: String, _ what: String, line: UInt = #line) {
        guard let text = actual as? String else { return XCTFail("\(what): not a string: \(String(describing: actual))", line: line) }
        XCTAssertEqual(Array(text.unicodeScalars), Array(expected.unicodeScalars), what, line: line)
    }

    private func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    func testControlCharactersRoundTripThroughImportStoreAndEveryExport() async throws {
        let texts = Self.hostile
        var lines: [String] = []
        for (index, text) in texts.enumerated() {
            // instruction, input and both candidates carry the text; the first candidate wins.
            let instruction = "i\(index) " + text
            lines.append(#"{"instruction": \#(Self.literal(instruction)), "input": \#(Self.literal(text)), "#
                + #""candidates": [\#(Self.literal(text)), \#(Self.literal(text)), "other"]}"#)
        }
        let file = try write(lines.joined(separator: "\n") + "\n", to: "data.jsonl")
        let store = path("quorum.sqlite")
        let imported = try QuorumBinary.run(["import", "--store", store, file], in: folder)
        XCTAssertEqual(imported.status, 0, imported.standardError)

        let reader = try Store.open(at: store, access: .read)
        let stored = try await reader.reviewQueue(limit: 100)
        try reader.close()
        XCTAssertEqual(stored.count, texts.count)
        for (detail, text) in zip(stored, texts) {
            assertExact(detail.item.input, text, "stored input")
            assertExact(detail.candidates.first?.text, text, "stored candidate")
            assertExact(detail.item.output, text, "stored output (the consensus choice)")
        }

        for format in ["alpaca", "sharegpt", "full"] {
            let exported = try QuorumBinary.run(["export", "--store", store, "--format", format, "--status", "all"], in: folder)
            XCTAssertEqual(exported.status, 0, exported.standardError)
            let records = try jsonLines(exported.standardOutput)
            XCTAssertEqual(records.count, texts.count, format)
            for (index, (record, text)) in zip(records, texts).enumerated() {
                switch format {
                case "alpaca":
                    assertExact(record["instruction"], "i\(index) " + text, "alpaca instruction")
                    assertExact(record["input"], text, "alpaca input")
                    assertExact(record["output"], text, "alpaca output")
                case "sharegpt":
                    let turns = try XCTUnwrap(record["conversations"] as? [[String: Any]])
                    assertExact(turns.first?["value"], "i\(index) " + text + "\n\n" + text, "sharegpt human turn")
                    assertExact(turns.last?["value"], text, "sharegpt gpt turn")
                default:
                    assertExact(record["instruction"], "i\(index) " + text, "full instruction")
                    assertExact(record["input"], text, "full input")
                    assertExact(record["output"], text, "full output")
                    let sets = try XCTUnwrap(record["candidate_sets"] as? [[String: Any]])
                    let candidates = try XCTUnwrap(sets.first?["candidates"] as? [[String: Any]])
                    assertExact(candidates.first?["text"], text, "full candidate")
                }
            }
        }
    }

    /// The engine's path: a streamed candidate holding U+0000, then a decision's edited text.
    func testStreamedCandidatesAndEditsKeepEveryByte() async throws {
        let text = "before\u{0}after \u{1}\u{1F}\u{85}\u{9F}"
        let store = try openWriter()
        let (itemID, setID) = try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            let item = try transaction.insertItem(NewItem(
                runID: run.id!, instruction: "Say it\u{0} all", input: "",
                candidateSet: NewCandidateSet(candidates: [], consensus: nil)))
            return (item.id!, item.currentSetID!)
        }
        _ = try await store.write { try $0.addCandidate(NewCandidate(member: "m\u{0}1", text: text), toSet: setID) }
        _ = try await store.write { try $0.addCandidate(NewCandidate(member: "m2", text: text), toSet: setID) }
        try await store.write { try $0.recordConsensus(Consensus.decide([text, text]), forSet: setID) }
        let detail = try await store.item(itemID)
        assertExact(detail.item.instruction, "Say it\u{0} all", "instruction")
        assertExact(detail.candidates.first?.member, "m\u{0}1", "member")
        assertExact(detail.candidates.first?.text, text, "candidate")
        assertExact(detail.item.output, text, "output")
        let found = try await store.queueListing(
            QueueSelection(statuses: ItemStatus.allCases), matching: TextSearch("AFTER"), after: .id(0), scanning: 100, limit: 10)
        XCTAssertEqual(found.rows.map(\.itemID), [itemID], "a search sees the text after U+0000")
        let unicode = try await store.queueListing(
            QueueSelection(statuses: ItemStatus.allCases), matching: TextSearch("AFTER \u{1}\u{1F}\u{85}"), after: .id(0),
            scanning: 100, limit: 10)
        XCTAssertEqual(unicode.rows.map(\.itemID), [itemID], "the Unicode search sees it too")
        try store.close()
    }

    /// Rule: a \u escape of a lone surrogate is not text; the import stops with exit 65 and
    /// names the file, the line and the field (no U+FFFD is substituted), and stores nothing.
    func testALoneSurrogateEscapeIsRefusedWithFileLineAndField() async throws {
        let store = path("quorum.sqlite")
        for (bad, field) in [
            (#"{"instruction": "x \ud800 y", "output": "o"}"#, "instruction"),
            (#"{"instruction": "x", "candidates": ["a", "\udc00"]}"#, "candidates"),
            (#"{"instruction": "x", "input": "\ud83d\u0041", "output": "o"}"#, "input"),
        ] {
            let file = try write(#"{"instruction": "fine", "output": "ok"}"# + "\n" + bad + "\n", to: "bad.jsonl")
            let result = try QuorumBinary.run(["import", "--store", store, file], in: folder)
            XCTAssertEqual(result.status, 65, result.standardError)
            XCTAssertTrue(result.standardError.contains("\(file):2: field \"\(field)\": invalid JSON: unpaired surrogate"), result.standardError)
        }
        if FileManager.default.fileExists(atPath: store) {
            let reader = try Store.open(at: store, access: .read)
            let count = try await reader.reviewQueue(limit: 10).count
            try reader.close()
            XCTAssertEqual(count, 0, "nothing of a refused file is stored")
        }
    }
}
