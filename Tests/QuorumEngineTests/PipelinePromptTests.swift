import QuorumCore
import QuorumStore
import XCTest
@testable import QuorumEngine

final class PipelinePromptTests: XCTestCase {
    func testInstructionPromptNumbersEachLineWithTheEndMarker() {
        let prompt = InstructionPrompt.make(["Sort the list.", "Name a color."], endMarker: " |EoS|")
        XCTAssertEqual(prompt, "Come up with a series of tasks:\n1. Sort the list. |EoS|\n2. Name a color. |EoS|\n3.")
    }

    func testContinuationsSplitOnTheReferencePatternAndLoseTheEndMarker() {
        let continuation = " Translate the sentence into French. |EoS|\n4. Give  three\tsynonyms for happy. |EoS|\n5 . List the planets |EoS|\n6.Not a split"
        XCTAssertEqual(
            InstructionPrompt.parse(continuation, endMarker: " |EoS|", truncated: false),
            ["Translate the sentence into French.", "Give three synonyms for happy.", "List the planets"],
            "text after an end marker is not an instruction, and \"\\n6.N\" is not a numbering")
    }

    func testATruncatedLastPieceIsDropped() {
        let continuation = " Explain recursion to a child. |EoS|\n4. Describe the water cycle in"
        XCTAssertEqual(
            InstructionPrompt.parse(continuation, endMarker: " |EoS|", truncated: true), ["Explain recursion to a child."])
        XCTAssertEqual(InstructionPrompt.parse(continuation, endMarker: " |EoS|", truncated: false).count, 2)
    }

    func testInstancePromptsForBothTypes() {
        let demo = Demonstration(id: "s1", instruction: "Add the numbers.", input: "2, 3", output: "5")
        let a = InstancePrompt.instance(for: "Reverse the word.", type: .a, demonstrations: [demo], endMarker: " |EoS|")
        XCTAssertTrue(a.hasSuffix("instruction: Add the numbers.\ninput: 2, 3\noutput: 5 |EoS|\n\ninstruction: Reverse the word.\n"))
        let demoB = Demonstration(id: "s2", instruction: "Name a fruit.", input: "", output: "Apple")
        let b = InstancePrompt.instance(for: "Name a bird.", type: .b, demonstrations: [demoB], endMarker: " |EoS|")
        XCTAssertFalse(b.contains("input:"))
        XCTAssertTrue(b.hasSuffix("output: Apple |EoS|\n\ninstruction: Name a bird.\n"))
        let output = InstancePrompt.output(for: "Reverse the word.", input: "cat", type: .a, demonstrations: [demo], endMarker: " |EoS|")
        XCTAssertTrue(output.hasSuffix("instruction: Reverse the word.\ninput: cat\noutput:"))
        XCTAssertEqual(InstancePrompt.stops(endMarker: " |EoS|"), ["\n\n", "|EoS|"])
    }

    func testInstanceParsingKeepsMultiLineText() throws {
        let parsed = try XCTUnwrap(InstancePrompt.parseInstance(
            "input: def f(x):\n    return x\noutput: It returns\nits argument. |EoS|", type: .a, endMarker: " |EoS|"))
        XCTAssertEqual(parsed.input, "def f(x):\n    return x")
        XCTAssertEqual(parsed.output, "It returns\nits argument.")
        let typeB = try XCTUnwrap(InstancePrompt.parseInstance("output: Blue.", type: .b, endMarker: " |EoS|"))
        XCTAssertEqual(typeB.input, "")
        XCTAssertEqual(typeB.output, "Blue.")
        XCTAssertNil(InstancePrompt.parseInstance("I do not know.", type: .a, endMarker: " |EoS|"))
        XCTAssertEqual(InstancePrompt.parseInstance("input: x\noutput:  ", type: .a, endMarker: " |EoS|")?.output, "")
    }

    func testZeroShotPromptIsInstructionNewlineInputThenANewline() {
        XCTAssertEqual(ZeroShotPrompt.make(instruction: "Reverse the word.", input: "cat"), "Reverse the word.\ncat\n")
        XCTAssertEqual(ZeroShotPrompt.make(instruction: "Name a bird.", input: ""), "Name a bird.\n")
    }

    func testSelfInstructFiltersGiveReasons() {
        let filter = InstructionFilter(settings: FilterConfig())
        XCTAssertEqual(filter.rejection(of: "Sort these words"), .tooShort(words: 3))
        XCTAssertNil(filter.rejection(of: "Sort these four words"))
        XCTAssertEqual(filter.rejection(of: Array(repeating: "word", count: 151).joined(separator: " ")), .tooLong(words: 151))
        XCTAssertEqual(filter.rejection(of: "Describe the Images in the gallery"), .blacklisted(word: "images"))
        XCTAssertNil(filter.rejection(of: "Describe the imagery of the poem"), "only whole words")
        XCTAssertEqual(filter.rejection(of: "Tell me how to go to the station"), .blacklisted(word: "go to"))
        XCTAssertEqual(filter.rejection(of: "Write a program that sorts numbers"), .writeAProgram)
        XCTAssertEqual(filter.rejection(of: "\"Quote\" the sentence back to me"), .startsWithPunctuation)
        XCTAssertEqual(filter.rejection(of: "Élaborez une liste de courses"), .startsWithNonASCII)
    }

    func testPromptSamplingIsReproducibleAndUsesTheReferenceCounts() {
        let seedsA = (0..<30).map { Demonstration(id: "a\($0)", instruction: "Task A number \($0)", input: "x", output: "y") }
        let seedsB = (0..<12).map { Demonstration(id: "b\($0)", instruction: "Task B number \($0)", input: "", output: "y") }
        let sampler = PromptSampler(seeds: seedsA + seedsB, settings: GenerationConfig(seed: 7))
        var first = sampler.random(for: 3)
        var second = sampler.random(for: 3)
        let machine = (0..<9).map { "Machine instruction \($0)" }
        let one = sampler.instructionPrompt(type: .a, machineInstructions: machine, random: &first)
        let two = sampler.instructionPrompt(type: .a, machineInstructions: machine, random: &second)
        XCTAssertEqual(one.prompt, two.prompt)
        XCTAssertEqual(one.seedIDs.count, 20, "24 in all, 4 of them machine instructions")
        XCTAssertEqual(one.prompt.components(separatedBy: "Machine instruction").count - 1, 4)
        XCTAssertTrue(one.prompt.hasSuffix("\n25."))
        var random = sampler.random(for: 4)
        let b = sampler.instructionPrompt(type: .b, machineInstructions: ["Only one machine instruction"], random: &random)
        XCTAssertTrue(b.prompt.hasSuffix("\n11."), "10 in all: the 1 machine instruction that exists and 9 seeds")
        XCTAssertEqual(b.seedIDs.count, 9)
        var first4 = sampler.random(for: 5)
        let firstPrompt = sampler.instructionPrompt(type: .a, machineInstructions: [], random: &first4)
        XCTAssertEqual(firstPrompt.seedIDs.count, 24, "the first prompts, before machine instructions exist, hold 24 seeds")
        XCTAssertEqual(sampler.instanceTemplate(type: .a).map(\.id), (0..<18).map { "a\($0)" }, "the first 18, in file order")
        XCTAssertEqual(sampler.instanceTemplate(type: .b).count, 12, "all 12 when fewer than 15 exist")
    }

    func testItemsGetTheFixedTemplateUnlessTheBenchAsksForADrawPerItem() {
        let seedsA = (0..<30).map { Demonstration(id: "a\($0)", instruction: "Task A number \($0)", input: "x", output: "y") }
        let fixed = PromptSampler(seeds: seedsA, settings: GenerationConfig(seed: 7))
        XCTAssertEqual(fixed.instanceDemonstrations(type: .a, ticket: 1), fixed.instanceTemplate(type: .a))
        XCTAssertEqual(fixed.instanceDemonstrations(type: .a, ticket: 2), fixed.instanceTemplate(type: .a))
        var settings = GenerationConfig(seed: 7)
        settings.instanceDemonstrationChoice = .sampledPerItem
        let drawn = PromptSampler(seeds: seedsA, settings: settings)
        let one = drawn.instanceDemonstrations(type: .a, ticket: 1)
        XCTAssertEqual(one.count, 18)
        XCTAssertEqual(one, drawn.instanceDemonstrations(type: .a, ticket: 1), "the same ticket draws the same")
        XCTAssertNotEqual(one, drawn.instanceDemonstrations(type: .a, ticket: 2), "another item, another draw")
        XCTAssertNotEqual(one, fixed.instanceTemplate(type: .a))
    }

    func testFailedMembersTakeNoPartInTheConsensus() {
        var tokenizer = RougeTokenizer()
        let result = CandidateSetConsensus.decide(
            ["The answer is Paris.", nil, "Paris is the answer."], minAgreement: 0.01, tokenizer: &tokenizer)
        XCTAssertEqual(result.scores[1], 0)
        XCTAssertEqual(result.matrix[1], [0, 1, 0])
        XCTAssertNotNil(result.choice)
        XCTAssertNotEqual(result.choice, 1)
        let alone = CandidateSetConsensus.decide(["Only one", nil, nil], minAgreement: 0.01, tokenizer: &tokenizer)
        XCTAssertNil(alone.choice)
        XCTAssertEqual(alone.discard, .noAgreement)
        XCTAssertEqual(alone.matrix, [[1, 0, 0], [0, 1, 0], [0, 0, 1]], "one answer agrees with nothing")
        XCTAssertEqual(alone.scores, [0, 0, 0])
        let none = CandidateSetConsensus.decide([nil, nil], minAgreement: 0.01, tokenizer: &tokenizer)
        XCTAssertEqual(none.matrix, [[1, 0], [0, 1]])
    }
}
