import XCTest
@testable import QuorumStore
@testable import QuorumTUI

/// Tab gives the candidates pane the keys: j/k scroll it instead of moving through the queue.
final class CandidatesFocusTests: XCTestCase {
    private func press(_ keys: Key..., in state: inout WorkbenchState) -> [WorkbenchEffect] {
        keys.flatMap { Workbench.reduce(&state, .key($0)) }
    }

    private func longItemState(_ size: Size = Size(width: 80, height: 24)) -> WorkbenchState {
        Fixtures.state(size, items: ReaderFixtures.queue, cursor: 1)
    }

    func testTabThenJScrollsTheCandidatesNotTheQueue() {
        var state = longItemState()
        _ = press(.tab, .character("j"), .character("j"), in: &state)
        XCTAssertEqual(state.queue.cursor, 1)
        XCTAssertEqual(state.candidatesFocus, CandidatesFocus(itemID: 2, top: 2))
        _ = press(.character("k"), .character("k"), .character("k"), in: &state)
        XCTAssertEqual(state.candidatesFocus?.top, 0, "nothing scrolls above the top")
        _ = press(.character("G"), in: &state)
        let bottom = state.candidatesFocus!.top
        XCTAssertGreaterThan(bottom, 30)
        _ = press(.character("j"), .pageDown, in: &state)
        XCTAssertEqual(state.candidatesFocus?.top, bottom, "nothing scrolls past the end")
        _ = press(.tab, .character("j"), in: &state)
        XCTAssertNil(state.candidatesFocus)
        XCTAssertEqual(state.queue.cursor, 2, "Tab again: j moves through the queue")
    }

    func testOtherKeysStillWorkWhileTheCandidatesScroll() {
        var state = longItemState()
        let effects = press(.tab, .character("j"), .character("a"), in: &state)
        XCTAssertEqual(effects.first, .decide(itemID: 2, .accept))
        XCTAssertEqual(state.queue.cursor, 2)
        XCTAssertEqual(Workbench.candidatesScroll(state), 0, "the next item starts at its top")
    }

    func testEscapeGivesTheKeysBack() {
        var state = longItemState()
        _ = press(.tab, .escape, .character("j"), in: &state)
        XCTAssertNil(state.candidatesFocus)
        XCTAssertEqual(state.queue.cursor, 2)
    }

    func testTheWheelOverTheCandidatesScrollsThemAndOverTheQueueMovesIt() {
        var state = longItemState(Size(width: 120, height: 40))
        let layout = WorkbenchLayout(size: state.viewport, candidateCount: 3)
        let overCandidates = Point(x: layout.candidates.x + 5, y: layout.candidates.y + 3)
        _ = Workbench.reduce(&state, .key(.mouse(MouseEvent(.wheelDown, at: overCandidates))))
        XCTAssertEqual(state.queue.cursor, 1)
        XCTAssertEqual(state.candidatesFocus?.top, 3)
        _ = Workbench.reduce(&state, .key(.mouse(MouseEvent(.wheelUp, at: overCandidates))))
        XCTAssertEqual(state.candidatesFocus?.top, 0)
        let overQueue = Point(x: layout.queue.x + 2, y: layout.queue.y + 2)
        _ = Workbench.reduce(&state, .key(.mouse(MouseEvent(.wheelDown, at: overQueue))))
        XCTAssertEqual(state.queue.cursor, 3)
    }

    func testTheFocusedPaneShowsEveryCandidateWholeAtEachSize() {
        for size in ReaderSnapshotTests.sizes {
            var state = longItemState(size)
            _ = press(.tab, .character("G"), in: &state)
            let text = WorkbenchRenderer.render(state).textDump()
            XCTAssertTrue(text.contains("the river ends."), "the last candidate's last words (\(size))")
            XCTAssertTrue(text.contains("scrolling"))
            Snapshot.assert(text, named: "candidates-scrolled-end-\(size.width)x\(size.height)")
        }
    }
}
