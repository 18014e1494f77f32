import QuorumCore
import XCTest
@testable import QuorumStore
@testable import QuorumTUI

/// The workbench's spot-check mode: verdict keys, and the estimate they update.
final class ReducerSpotCheckTests: XCTestCase {
    static let sampled: [Int64] = [1, 2, 6, 7]

    /// Fixture items 1, 2, 6 and 7 drawn by type (7 was accepted by `auto`), none judged yet.
    static func spotCheckState(target: Double? = nil, size: Size = Size(width: 120, height: 40)) -> WorkbenchState {
        let population = SpotCheckPopulation(
            stratification: .type, strata: ["A": [2], "B": [1, 6, 7]], verdicts: [:], fragilityEdges: nil)
        let items = Fixtures.queue.filter { sampled.contains($0.item.id!) }
        var state = Fixtures.state(size, items: items)
        state.queue.query.itemIDs = sampled
        state.spotCheck = SpotCheckState(report: population.report(sampleSize: 4, seed: 1), verdicts: [:], target: target)
        return state
    }

    private func press(_ keys: Key..., in state: inout WorkbenchState) -> [WorkbenchEffect] {
        keys.flatMap { Workbench.reduce(&state, .key($0)) }
    }

    private func recorded(_ kind: DecisionKind, on id: Int64, status: ItemStatus, decisionID: Int64 = 50) -> WorkbenchAction {
        let item = Fixtures.queue.first { $0.item.id == id }!
        var after = item
        after.item.status = status
        return .decisionRecorded(DecisionOutcome(
            decision: Decision(id: decisionID, itemID: id, kind: kind, setID: item.candidateSet.id, candidate: 0, text: nil,
                               reason: nil, targetID: kind == .undo ? decisionID - 1 : nil, curator: "ann",
                               at: Fixtures.date, note: nil),
            item: after))
    }

    func testMarkingRightRecordsAHumanAcceptEvenOnAnAutomaticAccept() {
        var state = Self.spotCheckState()
        _ = Workbench.moveCursor(to: 3, &state)
        XCTAssertEqual(state.selectedItem?.status, .accepted)
        XCTAssertEqual(press(.character("y"), in: &state).first, .decide(itemID: 7, .accept))
        XCTAssertEqual(state.status.message?.text, "marking right #7…")
        var plain = Fixtures.state(cursor: Fixtures.index(of: 7))
        XCTAssertEqual(press(.character("y"), in: &plain), [], "no verdicts outside a spot-check")
        XCTAssertEqual(plain.status.message?.severity, .warning)
        XCTAssertFalse(press(.character("a"), in: &plain).contains(.decide(itemID: 7, .accept)), "a plain accept moves on")
    }

    func testMarkingWrongAsksWhyThenRecordsAReject() {
        var state = Self.spotCheckState()
        XCTAssertEqual(press(.character("n"), in: &state), [.loadRejectReasons])
        XCTAssertEqual(state.overlay, .prompt(Prompt(.wrongReason(itemID: 1))))
        XCTAssertEqual(press(.enter, in: &state), [], "a reason is needed")
        _ = press(.character("o"), .character("f"), .character("f"), in: &state)
        XCTAssertEqual(press(.enter, in: &state).first, .decide(itemID: 1, .reject(reason: "off")))
        XCTAssertEqual(state.status.message?.text, "marking wrong #1…")
    }

    func testEachRecordedDecisionOnTheSampleRereadsItsVerdict() {
        var state = Self.spotCheckState()
        XCTAssertTrue(Workbench.reduce(&state, recorded(.accept, on: 2, status: .accepted)).contains(.loadVerdict(2)))
        XCTAssertTrue(Workbench.reduce(&state, recorded(.undo, on: 2, status: .pending)).contains(.loadVerdict(2)))
        var other = Self.spotCheckState()
        other.spotCheck = SpotCheckState(
            report: SpotCheckPopulation(stratification: .type, strata: ["B": [6]], verdicts: [:], fragilityEdges: nil)
                .report(sampleSize: 1, seed: 1), verdicts: [:])
        XCTAssertFalse(Workbench.reduce(&other, recorded(.accept, on: 2, status: .accepted)).contains(.loadVerdict(2)))
    }

    func testVerdictsUpdateTheEstimateAndTheTargetSaysWhenToStop() {
        var state = Self.spotCheckState(target: 0.6)
        _ = Workbench.reduce(&state, .verdictLoaded(itemID: 1, .right))
        XCTAssertEqual(state.spotCheck?.estimate.overall.judged, 1)
        XCTAssertEqual(state.spotCheck?.isTargetMet, false, "0 of 1 wrong: the upper bound is 79.3%")
        _ = Workbench.reduce(&state, .verdictLoaded(itemID: 2, .right))
        _ = Workbench.reduce(&state, .verdictLoaded(itemID: 6, .right))
        XCTAssertEqual(state.spotCheck?.estimate.overall.interval, WilsonInterval(successes: 0, trials: 3))
        XCTAssertEqual(state.spotCheck?.isTargetMet, true)
        XCTAssertEqual(state.status.message?.severity, .success)
        XCTAssertTrue(state.status.message!.text.hasPrefix("target 60.0% met: the overall upper bound is 56.1%"),
                      state.status.message!.text)
        _ = Workbench.reduce(&state, .verdictLoaded(itemID: 7, .wrong))
        XCTAssertEqual(state.spotCheck?.estimate.strata.map(\.wrong), [0, 1])
        XCTAssertEqual(state.spotCheck?.estimate.overall.errorRate, 0.25)
        _ = Workbench.reduce(&state, .verdictLoaded(itemID: 7, nil))
        XCTAssertEqual(state.spotCheck?.estimate.overall.judged, 3, "an undone verdict no longer counts")
        _ = Workbench.reduce(&state, .verdictLoaded(itemID: 99, .wrong))
        XCTAssertEqual(state.spotCheck?.estimate.overall.judged, 3, "items outside the sample are ignored")
    }

    func testAnItemAlreadyMarkedRightIsPassed() {
        var state = Self.spotCheckState()
        _ = Workbench.reduce(&state, .verdictLoaded(itemID: 1, .right))
        let effects = press(.character("y"), in: &state)
        XCTAssertFalse(effects.contains { if case .decide = $0 { return true } else { return false } })
        XCTAssertEqual(state.queue.cursor, 1)
    }

    func testTheSampleIsAFixedSetOfItems() {
        let state = Self.spotCheckState()
        XCTAssertTrue(state.queue.query.includes(6))
        XCTAssertFalse(state.queue.query.includes(3))
        XCTAssertFalse(state.queue.query.matches(Fixtures.wide.withStatus(.pending)), "item 3 is not sampled")
        XCTAssertEqual(state.queue.query.selection.itemIDs, Self.sampled)
    }
}

extension ItemDetail {
    func withStatus(_ status: ItemStatus) -> ItemDetail {
        var copy = self
        copy.item.status = status
        return copy
    }
}
