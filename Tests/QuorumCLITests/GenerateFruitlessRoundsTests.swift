import Foundation
import QuorumStore
import XCTest
import QuorumTestSupport

/// A generator that answers nothing usable ends the run (exit 75) instead of being asked forever.
final class GenerateFruitlessRoundsTests: GenerateBinaryTestCase {
    func testEmptyAnswersEndTheRunWithExit75AndTheRunResumes() throws {
        try configure(generator: "empty", outputs: "empty")
        let first = try run(["generate", "--count", "3"])
        XCTAssertEqual(first.status, 75, first.errors)
        XCTAssertTrue(first.errors.contains(#"the instruction generator "generator" gave no usable instruction in 20 rounds in a row"#), first.errors)
        XCTAssertTrue(first.errors.contains("20 empty answers"), first.errors)
        XCTAssertTrue(first.errors.contains("fruitless rounds 20/20"), "progress lines show the rounds: \(first.errors)")
        XCTAssertTrue(first.errors.contains("run `quorum generate` with the same options to resume"), first.errors)

        let second = try run(["generate", "--count", "3"])
        XCTAssertEqual(second.status, 75, second.errors)
        XCTAssertTrue(second.errors.contains("resuming run 1: 3 of 3 items to go"), second.errors)
    }

    func testInstructionsThatEveryFilterDropsEndTheRunNamingTheReasons() throws {
        try configure(generator: "filtered", outputs: "ok", generation: "max_fruitless_rounds = 4")
        let result = try run(["generate", "--count", "3"])
        XCTAssertEqual(result.status, 75, result.errors)
        XCTAssertTrue(result.errors.contains(#""generator" gave no usable instruction in 4 rounds in a row"#), result.errors)
        XCTAssertTrue(result.errors.contains("4 instructions dropped (4 too short)"), result.errors)
        XCTAssertTrue(result.errors.contains("fruitless rounds 4/4"), result.errors)
    }

    func testTheRoundLimitIsCheckedLikeEveryKey() throws {
        try configure(generator: "ok", outputs: "ok", generation: "max_fruitles_rounds = 4")
        let misspelt = try run(["generate", "--count", "1"])
        XCTAssertEqual(misspelt.status, 78, misspelt.errors)
        XCTAssertTrue(misspelt.errors.contains(#"did you mean "max_fruitless_rounds"?"#), misspelt.errors)

        try configure(generator: "ok", outputs: "ok", generation: "max_fruitless_rounds = 0")
        let zero = try run(["generate", "--count", "1"])
        XCTAssertEqual(zero.status, 78, zero.errors)
        XCTAssertTrue(zero.errors.contains("max_fruitless_rounds"), zero.errors)
    }
}
