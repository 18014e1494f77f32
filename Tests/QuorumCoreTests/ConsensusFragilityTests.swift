import QuorumCore
import XCTest

final class ConsensusFragilityTests: XCTestCase {
    private func fragility(_ texts: [String]) throws -> Double {
        try XCTUnwrap(Consensus.decide(texts).fragility)
    }

    func testUnanimousExactIsTheLeastFragileThereIs() throws {
        XCTAssertEqual(try fragility(["B", "B", "B", "B"]), 0)
        XCTAssertEqual(Consensus.decide(["B", "b.", "B", "B"]).agreeing, 4, "normalised texts agree")
    }

    func testTwoOfFiveExactIsMoreFragileThanUnanimousAndLessThanASmallRougeMargin() throws {
        let twoOfFive = try fragility(["Paris", "Paris", "the capital is Lyon", "it is Marseille", "Nice of course"])
        let unanimous = try fragility(["Paris", "Paris", "Paris", "Paris", "Paris"])
        let contested = try fragility([
            "the river flows north quickly today", "the cat sleeps on warm mats", "the sun rises over eastern hills",
        ])
        XCTAssertGreaterThan(twoOfFive, unanimous)
        XCTAssertGreaterThan(contested, twoOfFive, "a narrow Rouge-L win among disagreeing texts is the most fragile")
        XCTAssertEqual(Consensus.decide(["Paris", "Paris", "Lyon", "Nice", "Rome"]).agreeing, 2)
    }

    func testNearIdenticalRougeTextsAreSafeThoughTheirMarginIsTiny() throws {
        let result = Consensus.decide([
            "Boil the pasta for ten minutes, then drain it.", "Boil the pasta for ten minutes then drain it well.",
            "Boil the pasta ten minutes, then drain it.",
        ])
        XCTAssertEqual(result.rule, .rouge)
        XCTAssertLessThan(result.margin, 0.2)
        XCTAssertLessThan(try XCTUnwrap(result.fragility), 0.2)
    }

    func testEnsembleSizesCompare() throws {
        // Half the others agree, the rest share nothing: the same fragility for 3 and 5 members.
        let three = try fragility(["yes", "yes", "zebra"])
        let five = try fragility(["yes", "yes", "yes", "zebra", "quartz"])
        XCTAssertEqual(three, 0.5, accuracy: 1e-9)
        XCTAssertEqual(five, 0.5, accuracy: 1e-9)
    }

    func testDiscardedAndLoneCandidates() {
        XCTAssertNil(Consensus.decide(["alpha beta", "gamma delta", "epsilon zeta"]).fragility)
        XCTAssertEqual(Consensus.decide(["alone"]).fragility, 1)
    }
}
