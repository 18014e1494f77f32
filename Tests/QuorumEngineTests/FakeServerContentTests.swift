import QuorumCore
import QuorumTestSupport
import XCTest
@testable import QuorumEngine

/// The fake server answers like the Ensemble-Instruct pipeline expects, deterministically,
/// and never outlives its parent's interest in it.
final class FakeServerContentTests: XCTestCase {
    private var server: FakeServerProcess!

    override func setUpWithError() throws {
        server = try FakeServerProcess(arguments: ["--seed", "3"])
    }

    override func tearDown() {
        server?.stop()
    }

    static let seedInstructions = [
        "Classify the sentiment of the following movie review as positive or negative.",
        "Suggest three names for a cat that loves to sleep in the sun.",
        "Rewrite the sentence in the passive voice.",
        "Explain why the sky looks blue during the day.",
        "Convert the recipe quantities from cups to grams.",
        "Write a haiku about the first snow of winter.",
        "Decide whether the email below is spam.",
        "Give two reasons why people keep diaries.",
    ]

    static func instructionPrompt(_ instructions: [String]) -> String {
        var prompt = "Come up with a series of tasks:\n"
        for (index, instruction) in instructions.enumerated() {
            prompt += "\(index + 1). \(instruction) |EoS|\n"
        }
        return prompt + "\(instructions.count + 1)."
    }

    func testInstructionGenerationContinuesTheNumberedList() async throws {
        let model = server.model()
        var generated: [String] = []
        var violations = 0
        for round in 0..<30 {
            let prompt = Self.instructionPrompt(Array(shuffled(Self.seedInstructions, seed: round).prefix(5)))
            let text = try await model.complete(.prompt(prompt)) { _ in }.text
            XCTAssertTrue(text.hasPrefix(" "), text)
            XCTAssertTrue(text.hasSuffix(" |EoS|"), text)
            let pieces = text.split(separator: try Regex(#"\n\d+\s?\. "#)).map {
                $0.replacingOccurrences(of: " |EoS|", with: "").trimmingCharacters(in: .whitespaces)
            }
            XCTAssertTrue((1...4).contains(pieces.count), text)
            if text.contains("\n") {
                XCTAssertTrue(text.contains("\n7. "), text)
            }
            for piece in pieces {
                if Self.violatesAFilter(piece) { violations += 1 } else { generated.append(piece) }
            }
        }
        XCTAssertGreaterThan(violations, 0, "some instructions are meant to be filtered")
        XCTAssertLessThan(violations, generated.count / 2)
        for instruction in generated {
            XCTAssertTrue((5...25).contains(instruction.split(separator: " ").count), instruction)
        }
        var novel: [String] = []
        for instruction in generated
        where !novel.contains(where: { RougeL.score(target: $0, prediction: instruction, stem: false) > 0.7 }) {
            novel.append(instruction)
        }
        XCTAssertGreaterThan(Double(novel.count), 0.8 * Double(generated.count), "most pass a Rouge-L 0.7 filter")
    }

    func testInstanceGenerationForTypeAAndTypeB() async throws {
        let model = server.model()
        let typeA = """
            Come up with examples for the following tasks.

            instruction: Sort the numbers in ascending order.
            input: 5, 2, 9
            output: 2, 5, 9 |EoS|

            instruction: Detect the sentiment of the customer message about a smart kettle.

            """
        let a = try await model.complete(.prompt(typeA)) { _ in }.text
        XCTAssertNotNil(a.wholeMatch(of: try Regex(#"input: [^\n]+\noutput: .+ \|EoS\|"#)), a)

        let typeB = """
            Come up with examples for the following tasks.

            instruction: Name a famous bridge.
            output: The Golden Gate Bridge. |EoS|

            instruction: Give concise advice to farmers who want to sleep better.

            """
        let b = try await model.complete(.prompt(typeB)) { _ in }.text
        XCTAssertNotNil(b.wholeMatch(of: try Regex(#"output: .+ \|EoS\|"#)), b)
        XCTAssertFalse(b.contains("input:"))
    }

    func testMembersAgreeWithTheInstanceGenerator() async throws {
        let generator = server.model(model: "vanilla-generator")
        var agreements: [Double] = []
        for task in 0..<12 {
            let instruction = "Explain how tides work to tourists, example \(task)."
            let prompt = "Come up with examples.\n\ninstruction: Name a planet.\ninput: none\noutput: Mars |EoS|\n\ninstruction: \(instruction)\n"
            let block = try await generator.complete(.prompt(prompt)) { _ in }.text
            let parts = block.components(separatedBy: "\noutput: ")
            let input = String(parts[0].dropFirst("input: ".count))
            let candidate0 = parts[1].replacingOccurrences(of: " |EoS|", with: "")
            for name in ["flan-t5-xxl", "flan-ul2"] {
                let member = server.model(api: .chat, model: name)
                var request = LMRequest.prompt(instruction + "\n" + input)
                request.decoding.temperature = 0
                let other = try await member.complete(request) { _ in }.text
                agreements.append(RougeL.score(target: candidate0, prediction: other, stem: true))
            }
        }
        let strong = agreements.filter { $0 >= 0.6 }.count
        XCTAssertGreaterThan(strong, agreements.count / 2, "\(agreements)")
        XCTAssertLessThan(strong, agreements.count + 1)
    }

    func testAnswersAreDeterministic() async throws {
        let model = server.model()
        let first = try await model.complete(.prompt("Name three rivers in Europe.\n")) { _ in }.text
        let second = try await model.complete(.prompt("Name three rivers in Europe.\n")) { _ in }.text
        XCTAssertEqual(first, second)
        XCTAssertFalse(first.isEmpty)
    }

    func testHealthModelsAndUnknownModes() async throws {
        let health = try await server.fetch("/health")
        XCTAssertEqual(health.status, 200)
        let models = try await server.fetch("/ok/v1/models")
        XCTAssertTrue(models.body.contains("fake-llm"))
        let unknown = try await server.fetch("/bogus/v1/models")
        XCTAssertEqual(unknown.status, 404)
    }

    func testServerExitsWhenItsInputCloses() async throws {
        let lonely = try FakeServerProcess()
        lonely.closeInput()
        try await eventually(within: 5, "the server exits") { !lonely.isRunning }
        lonely.stop()
    }

    func testServerExitsAfterItsRequestBudget() async throws {
        let budget = try FakeServerProcess(arguments: ["--max-requests", "2"])
        defer { budget.stop() }
        let model = budget.model()
        _ = try await model.complete(.prompt("one\n")) { _ in }
        _ = try await model.complete(.prompt("two\n")) { _ in }
        try await eventually(within: 5, "the server exits") { !budget.isRunning }
    }

    private func shuffled(_ items: [String], seed: Int) -> [String] {
        var generator = SeededRandom(seed: UInt64(seed))
        return items.shuffled(using: &generator)
    }

    static func violatesAFilter(_ instruction: String) -> Bool {
        let words = instruction.split(separator: " ")
        let lowered = instruction.lowercased()
        let blacklisted = ["image", "images", "graph", "graphs", "picture", "pictures", "file", "files", "map", "maps",
                           "draw", "plot", "go to"]
        let listed = blacklisted.contains { word in
            lowered.firstMatch(of: try! Regex("\\b\(word)\\b")) != nil
        }
        return words.count <= 3 || listed || instruction.hasPrefix("Write a program")
            || seedInstructions.contains { RougeL.score(target: $0, prediction: instruction, stem: false) > 0.7 }
    }
}
