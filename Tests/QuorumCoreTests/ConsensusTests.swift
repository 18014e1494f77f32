import XCTest
@testable import QuorumCore

final class ConsensusTests: XCTestCase {
    func testNormalisationFollowsPythonStrLowerAndSplit() {
        XCTAssertEqual(ConsensusText.normalize("  Hello,\u{3000}World!\u{85}"), "hello world")
        XCTAssertEqual(ConsensusText.normalize("ΟΔΟΣ ΣΑ"), "οδος σα")
        XCTAssertEqual(ConsensusText.normalize("İ"), "i\u{307}")
        XCTAssertEqual(ConsensusText.normalize("a\u{1C}b"), "a b")
        XCTAssertEqual(ConsensusText.normalize("?!"), "")
    }

    func testExactMatchWinsAndTakesTheFirstCandidateOfTheMostSharedText() {
        let result = Consensus.decide(["Paris.", "paris", "Lyon", "PARIS!"])
        XCTAssertEqual(result.choice, 0)
        XCTAssertEqual(result.rule, .exact)
    }

    func testExactMatchTiesGoToTheTextThatOccursFirst() {
        let result = Consensus.decide(["blue", "red", "Red", "BLUE"])
        XCTAssertEqual(result.choice, 0)
        let later = Consensus.decide(["green", "red", "Red", "blue", "BLUE"])
        XCTAssertEqual(later.choice, 1)
    }

    func testCanonicallyEquivalentButDifferentScalarsDoNotMatchExactly() {
        let result = Consensus.decide(["caf\u{E9} au lait", "cafe\u{301} au lait"])
        XCTAssertEqual(result.rule, .rouge)
    }

    func testRougeChoosesTheCandidateClosestToTheOthers() {
        let result = Consensus.decide([
            "The capital of France is Paris, a city on the Seine.",
            "Paris is the capital of France.",
            "The capital of France is Paris.",
        ])
        XCTAssertEqual(result.rule, .rouge)
        XCTAssertEqual(result.choice, 2)
        XCTAssertEqual(result.scores.count, 3)
        XCTAssertEqual(result.margin, result.scores.sorted()[2] - result.scores.sorted()[1])
        XCTAssertEqual(result.matrix[0][1], result.matrix[1][0])
    }

    func testNoAgreementDiscardsTheSet() {
        let result = Consensus.decide(["alpha beta", "gamma delta", "alpha gamma"])
        XCTAssertNil(result.choice)
        XCTAssertEqual(result.discard, .noAgreement)
    }

    func testAnEmptyChoiceIsDiscarded() {
        let result = Consensus.decide(["   ", "\t", "answer"])
        XCTAssertNil(result.choice)
        XCTAssertNotNil(result.discard)
    }
}
