import XCTest
@testable import QuorumEngine

/// Every way a seed file can be wrong is reported with the file, the line and the field.
final class SeedLoaderTests: XCTestCase {
    private static func line(
        id: String = "seed_task_0", instruction: String = "Summarize the text in one sentence.",
        input: String = "A long text.", output: String = "A summary."
    ) -> String {
        #"{"id": "\#(id)", "name": "n", "instruction": "\#(instruction)", "instances": [{"input": "\#(input)", "output": "\#(output)"}], "is_classification": false}"#
    }

    private func parse(_ text: String, file: String = "seeds.jsonl") throws(SeedLoadError) -> [SeedTask] {
        try SeedPool.parse(Array(text.utf8), file: file)
    }

    private func failure(_ bytes: [UInt8], file: String = "seeds.jsonl") -> String {
        do {
            let tasks = try SeedPool.parse(bytes, file: file)
            XCTFail("loaded \(tasks.count) tasks")
            return ""
        } catch {
            return error.description
        }
    }

    private func failure(_ text: String) -> String {
        failure(Array(text.utf8))
    }

    func testReadsTasksSkippingBlankLinesWithCRLFAndAByteOrderMark() throws {
        let text = "\u{FEFF}" + Self.line() + "\r\n\n   \n" + Self.line(id: "b", input: "") + "\n"
        let tasks = try parse(text)
        XCTAssertEqual(tasks.map(\.id), ["seed_task_0", "b"])
        XCTAssertEqual(tasks.map(\.type), [.a, .b])
        XCTAssertEqual(tasks[0].instances, [SeedInstance(input: "A long text.", output: "A summary.")])
        XCTAssertEqual(tasks[0].name, "n")
        XCTAssertFalse(tasks[0].isClassification)
    }

    func testKeepsMultiLineTextAndIgnoresExtraFields() throws {
        let text = #"{"id": "x", "name": "n", "instruction": "Fix the code.", "instances": [{"input": "a\nb", "output": "c\nd"}], "is_classification": true, "source": "mine"}"#
        let task = try XCTUnwrap(parse(text).first)
        XCTAssertEqual(task.instances[0].input, "a\nb")
        XCTAssertEqual(task.instances[0].output, "c\nd")
        XCTAssertTrue(task.isClassification)
    }

    func testAWrongTypeNamesFileLineAndField() {
        var lines = (0..<11).map { Self.line(id: "seed_task_\($0)") }
        lines.append(#"{"id": "seed_task_11", "name": "n", "instruction": "Add the numbers.", "instances": [{"input": "1 2", "output": 3}], "is_classification": false}"#)
        XCTAssertEqual(
            failure(lines.joined(separator: "\n")),
            #"seeds.jsonl:12: field "instances[0].output": expected a string, found a number"#)
    }

    func testEachMissingFieldIsNamed() {
        for field in ["id", "name", "instruction", "instances", "is_classification"] {
            let text = Self.line().replacingOccurrences(of: "\"\(field)\":", with: "\"other_\(field)\":")
            XCTAssertEqual(failure(text), #"seeds.jsonl:1: field "\#(field)": missing"#)
        }
        let noOutput = #"{"id": "a", "name": "n", "instruction": "Do it now please.", "instances": [{"input": ""}], "is_classification": false}"#
        XCTAssertEqual(failure(noOutput), #"seeds.jsonl:1: field "instances[0].output": missing"#)
    }

    func testEachWrongTypeIsNamed() {
        let cases: [(String, String)] = [
            (#"{"id": 7, "name": "n", "instruction": "i", "instances": [], "is_classification": false}"#,
             #"field "id": expected a string, found a number"#),
            (#"{"id": "a", "name": null, "instruction": "i", "instances": [], "is_classification": false}"#,
             #"field "name": expected a string, found null"#),
            (#"{"id": "a", "name": "n", "instruction": ["i"], "instances": [], "is_classification": false}"#,
             #"field "instruction": expected a string, found an array"#),
            (#"{"id": "a", "name": "n", "instruction": "i", "instances": {"input": ""}, "is_classification": false}"#,
             #"field "instances": expected an array, found an object"#),
            (#"{"id": "a", "name": "n", "instruction": "i", "instances": ["x"], "is_classification": false}"#,
             #"field "instances[0]": expected an object, found a string"#),
            (#"{"id": "a", "name": "n", "instruction": "i", "instances": [{"input": "", "output": "o"}, {"input": true, "output": "o"}], "is_classification": false}"#,
             #"field "instances[1].input": expected a string, found a boolean"#),
            (#"{"id": "a", "name": "n", "instruction": "i", "instances": [{"input": "", "output": "o"}], "is_classification": "no"}"#,
             #"field "is_classification": expected a boolean, found a string"#),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(failure(text), "seeds.jsonl:1: " + expected)
        }
    }

    func testAnEmptyInstanceListIsAnError() {
        let text = #"{"id": "a", "name": "n", "instruction": "Do the thing.", "instances": [], "is_classification": false}"#
        XCTAssertEqual(failure(text), #"seeds.jsonl:1: field "instances": must hold at least one instance"#)
    }

    func testABlankIdOrInstructionIsAnError() {
        XCTAssertEqual(failure(Self.line(id: " ")), #"seeds.jsonl:1: field "id": must not be empty"#)
        XCTAssertEqual(failure(Self.line(instruction: "")), #"seeds.jsonl:1: field "instruction": must not be empty"#)
    }

    func testDuplicateIdsNameBothLines() {
        let text = [Self.line(id: "a"), Self.line(id: "b"), "", Self.line(id: "a")].joined(separator: "\n")
        XCTAssertEqual(failure(text), #"seeds.jsonl:4: field "id": duplicate id "a" (first on line 1)"#)
    }

    func testInvalidUTF8NamesLineAndByte() {
        let bytes = Array((Self.line() + "\n").utf8) + [0x7B, 0x22, 0xFF, 0x22, 0x7D, 0x0A]
        XCTAssertEqual(failure(bytes), "seeds.jsonl:2: invalid UTF-8 at byte 3")
    }

    func testInvalidJSONNamesTheLine() {
        let message = failure(Self.line() + "\n" + #"{"id": "b", "name": "n",}"#)
        XCTAssertTrue(message.hasPrefix("seeds.jsonl:2: invalid JSON: "), message)
        XCTAssertTrue(message.contains("at byte"), message)
    }

    func testALineThatIsNotAnObjectIsAnError() {
        XCTAssertEqual(failure("[1, 2]"), "seeds.jsonl:1: expected a JSON object, found an array")
    }

    func testAnEmptyFileIsAnError() {
        XCTAssertEqual(failure(""), "seeds.jsonl: no seed tasks (the file is empty)")
        XCTAssertEqual(failure("\n  \n\n"), "seeds.jsonl: no seed tasks (the file is empty)")
    }

    func testAMissingFileNamesThePathAndTheReason() {
        let path = NSTemporaryDirectory() + "quorum-no-such-\(UUID().uuidString).jsonl"
        XCTAssertThrowsError(try SeedPool.load(path: path)) { error in
            XCTAssertEqual("\(error)", "\(path): No such file or directory")
        }
    }

    func testLoadingAFileNamesItInErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-seeds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mine.jsonl")
        try Data((Self.line() + "\n" + Self.line() + "\n").utf8).write(to: file)
        XCTAssertThrowsError(try SeedPool.load(path: file.path)) { error in
            XCTAssertEqual("\(error)", #"\#(file.path):2: field "id": duplicate id "seed_task_0" (first on line 1)"#)
        }
    }
}
