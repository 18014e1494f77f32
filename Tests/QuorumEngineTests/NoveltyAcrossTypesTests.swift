import QuorumCore
import QuorumStore
import XCTest
@testable import QuorumEngine

/// The novelty check of a new instruction looks at the kept instructions and the seeds of both
/// types: the same instruction is never stored once as type A and once as type B.
final class NoveltyAcrossTypesTests: XCTestCase {
    private let seeds = [
        Demonstration(
            id: "a1", instruction: "Sort the given list of numbers from the smallest to the largest.", input: "3, 1, 2",
            output: "1, 2, 3"),
        Demonstration(id: "b1", instruction: "Suggest a name for a friendly neighbourhood bakery.", input: "", output: "Rise"),
    ]

    private func supply(earlier: [(ItemType, String)] = []) -> InstructionSupply {
        InstructionSupply(
            sampler: PromptSampler(seeds: seeds, settings: GenerationConfig()), filter: InstructionFilter(settings: FilterConfig()),
            earlierInstructions: earlier)
    }

    private func similarText(_ events: [EngineEvent]) -> String? {
        guard case .instructionFiltered(_, _, .tooSimilar(let other, _)) = events.first else { return nil }
        return other
    }

    func testAnInstructionKeptAsOneTypeIsTooSimilarAsTheOther() async {
        let supply = supply()
        let instruction = "Explain why the sky looks blue on a clear summer afternoon."
        let first = await supply.admit([instruction], type: .a, seedIDs: [])
        XCTAssertEqual(first, [.instructionKept(type: .a, instruction: instruction)])
        let second = await supply.admit([instruction], type: .b, seedIDs: [])
        XCTAssertEqual(similarText(second), instruction, "\(second)")
        let waitingB = await supply.take(.b)
        XCTAssertNil(waitingB, "nothing of type B was kept")
    }

    func testTheSeedsAndStoredInstructionsOfTheOtherTypeCount() async {
        let supply = supply(earlier: [(.b, "List three reasons to learn a second language as an adult.")])
        let seedAsB = await supply.admit([seeds[0].instruction], type: .b, seedIDs: [])
        XCTAssertEqual(similarText(seedAsB), seeds[0].instruction, "\(seedAsB)")
        let seedAsA = await supply.admit([seeds[1].instruction], type: .a, seedIDs: [])
        XCTAssertEqual(similarText(seedAsA), seeds[1].instruction, "\(seedAsA)")
        let storedAsA = await supply.admit(["List three reasons to learn a second language as an adult."], type: .a, seedIDs: [])
        XCTAssertEqual(similarText(storedAsA), "List three reasons to learn a second language as an adult.", "\(storedAsA)")
    }
}
