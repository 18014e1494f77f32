import QuorumCore
import XCTest
@testable import QuorumStore
@testable import QuorumTUI

/// The spot-check's estimate under the queue, and the whole screen in a spot-check.
final class SpotCheckPaneTests: XCTestCase {
    /// The sample of `ReducerSpotCheckTests` with verdicts: 1 and 6 right, 7 wrong.
    private func judged(target: Double? = 0.5, size: Size = Size(width: 120, height: 40)) -> WorkbenchState {
        var state = ReducerSpotCheckTests.spotCheckState(target: target, size: size)
        _ = Workbench.reduce(&state, .verdictLoaded(itemID: 1, .right))
        _ = Workbench.reduce(&state, .verdictLoaded(itemID: 6, .right))
        _ = Workbench.reduce(&state, .verdictLoaded(itemID: 7, .wrong))
        return state
    }

    private func pane(_ state: WorkbenchState, _ size: Size) -> CellGrid {
        var grid = CellGrid(size: size)
        SpotCheckPane.render(state.spotCheck!, into: &grid, in: grid.bounds)
        return grid
    }

    func testThePaneShowsEachStratumOverallAndTheTarget() {
        let state = judged()
        XCTAssertEqual(SpotCheckPane.height(state.spotCheck!), 2 + 1 + 2 + 1 + 1)
        Snapshot.assert(pane(state, Size(width: 48, height: 7)).textDump(), named: "pane-spot-check")
        let narrow = pane(state, Size(width: 24, height: 7)).textDump()
        Snapshot.assert(narrow, named: "pane-spot-check-narrow")
        XCTAssertFalse(narrow.contains("95% CI"), "the interval goes first when room is short")
        let cramped = pane(state, Size(width: 30, height: 4)).textDump()
        XCTAssertTrue(cramped.contains("overall"), "with two rows inside, the overall line and the target stay:\n\(cramped)")
        XCTAssertTrue(cramped.contains("target 50.0%"), cramped)
    }

    func testTheTargetLineSaysWhenTheSessionCanStop() {
        var state = judged(target: 0.75)
        XCTAssertTrue(pane(state, Size(width: 48, height: 7)).textDump().contains("target 75.0%: not met (upper 79.2%)"))
        _ = Workbench.reduce(&state, .verdictLoaded(itemID: 2, .right))
        XCTAssertTrue(state.spotCheck!.isTargetMet, "1 wrong of 4: the upper bound is 69.9%")
        XCTAssertTrue(pane(state, Size(width: 48, height: 7)).textDump().contains("target 75.0% met: you can stop"))
        XCTAssertEqual(state.status.message?.severity, .success)
    }

    func testTheWholeScreenInASpotCheck() {
        for size in [Size(width: 80, height: 24), Size(width: 60, height: 15)] {
            let text = WorkbenchRenderer.render(judged(size: size)).textDump()
            Snapshot.assert(text, named: "layout-spot-check-\(size.width)x\(size.height)")
            XCTAssertTrue(text.contains("Sample · all items"), text)
            XCTAssertTrue(text.contains("judged 3/4"), text)
        }
    }

    func testTheQueuePagesByTheRowsLeftAboveThePane() {
        var state = judged(size: Size(width: 80, height: 24))
        let rows = Workbench.queuePageRows(state)
        XCTAssertEqual(rows, 24 - 2 - SpotCheckPane.height(state.spotCheck!) - 2)
        state.spotCheck = nil
        XCTAssertEqual(Workbench.queuePageRows(state), WorkbenchLayout.queueRows(for: state.viewport))
    }
}
