import XCTest
@testable import QuorumStore
@testable import QuorumTUI

/// `[`/`]` step through an item's candidate sets: a rerun's before and after, each with its
/// consensus, saying which set of how many is shown and whether it is the current one.
final class CandidateSetStepsTests: XCTestCase {
    private static let first = Fixtures.detail(
        1, instruction: "Give three tips for staying healthy.",
        texts: ["Drink water 💧 and rest.", "早睡早起，多喝水。", "Walk \u{1B}[31mdaily\u{1B}[0m."], status: .pending,
        ordinal: 0)
    private static let current = Fixtures.healthy.withOrdinal(1)

    private func state(_ size: Size = Size(width: 80, height: 24)) -> WorkbenchState {
        Fixtures.state(size, items: [Self.current] + Array(Fixtures.queue.dropFirst()))
    }

    func testStepsBackToTheEarlierSetAndForwardToTheCurrentOne() {
        var state = state()
        XCTAssertEqual(Workbench.reduce(&state, .key(.character("["))), [.loadCandidateSets(1)])
        XCTAssertEqual(Workbench.reduce(&state, .key(.character("["))), [], "one read however many keys")
        _ = Workbench.reduce(&state, .candidateSetsLoaded(itemID: 1, [Self.first, Self.current]))
        guard case .stored(let shown) = Selection(state) else { return XCTFail("nothing shown") }
        XCTAssertEqual(shown.candidates.map(\.text.original), Self.first.candidates.map(\.text))
        XCTAssertEqual(shown.setPlace, SetPlace(number: 1, count: 2, isCurrent: false))
        XCTAssertEqual(shown.consensus, Self.first.candidateSet.consensus, "each set with its own consensus")
        XCTAssertEqual(state.status.message?.severity, .warning)
        let text = WorkbenchRenderer.render(state).textDump()
        XCTAssertTrue(text.contains("set 1 of 2, not the current one"), text)
        XCTAssertTrue(text.contains("Drink water 💧"), text)

        XCTAssertEqual(Workbench.reduce(&state, .key(.character("a"))), [], "no decision on an earlier set")
        XCTAssertTrue(state.status.message!.text.contains("decisions apply to the current one"))
        _ = Workbench.reduce(&state, .key(.character("v")))
        XCTAssertNil(state.overlay, "the reader reads the current set only")
        XCTAssertEqual(state.status.message?.text, "the reader reads the current set; ] or [ returns to it")
        _ = Workbench.reduce(&state, .key(.character("[")))
        XCTAssertEqual(state.status.message?.text, "this is the first candidate set of #1")

        _ = Workbench.reduce(&state, .key(.character("]")))
        guard case .stored(let back) = Selection(state) else { return XCTFail("nothing shown") }
        XCTAssertEqual(back.setPlace, SetPlace(number: 2, count: 2, isCurrent: true))
        XCTAssertEqual(back.candidates.map(\.text.original), Self.current.candidates.map(\.text))
        XCTAssertTrue(WorkbenchRenderer.render(state).textDump().contains("set 2 of 2 ·"))
        _ = Workbench.reduce(&state, .key(.character("]")))
        XCTAssertEqual(state.status.message?.text, "this is the newest candidate set of #1")
        XCTAssertEqual(Workbench.reduce(&state, .key(.character("a"))).count, 1, "the current set is decided again")
    }

    func testEverySizeShowsWhichSetItIs() {
        for size in SmallTerminalLayoutTests.sizes {
            var state = state(size)
            _ = Workbench.reduce(&state, .key(.character("[")))
            _ = Workbench.reduce(&state, .candidateSetsLoaded(itemID: 1, [Self.first, Self.current]))
            let text = WorkbenchRenderer.render(state).textDump()
            Snapshot.assert(text, named: "candidate-set-earlier-\(size.width)x\(size.height)")
            XCTAssertTrue(text.contains("set 1 of 2"), "\(size):\n\(text)")
        }
    }

    func testAnItemWithOneSetSaysSo() {
        var state = Fixtures.state(Size(width: 80, height: 24))
        _ = Workbench.reduce(&state, .key(.character("[")))
        _ = Workbench.reduce(&state, .candidateSetsLoaded(itemID: 1, [Fixtures.healthy]))
        XCTAssertEqual(state.status.message?.text, "#1 has one candidate set: r reruns its outputs")
    }

    func testMovingToAnotherItemForgetsTheSteps() {
        var state = state()
        _ = Workbench.reduce(&state, .key(.character("[")))
        _ = Workbench.reduce(&state, .candidateSetsLoaded(itemID: 1, [Self.first, Self.current]))
        _ = Workbench.reduce(&state, .key(.character("j")))
        _ = Workbench.reduce(&state, .key(.character("k")))
        guard case .stored(let shown) = Selection(state) else { return XCTFail("nothing shown") }
        XCTAssertNil(shown.setPlace)
    }
}

extension ItemDetail {
    fileprivate func withOrdinal(_ ordinal: Int) -> ItemDetail {
        var detail = self
        detail.candidateSet.ordinal = ordinal
        return detail
    }
}
