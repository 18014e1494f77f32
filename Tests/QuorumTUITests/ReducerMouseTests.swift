import XCTest
@testable import QuorumTUI

final class ReducerMouseTests: XCTestCase {
    func testAClickOnAQueueRowSelectsItAndTheWheelMoves() {
        var state = Fixtures.state(Size(width: 120, height: 40))
        let rows = WorkbenchLayout(size: state.viewport, candidateCount: 3).queue.inset(by: 1)
        _ = Workbench.reduce(&state, .key(.mouse(MouseEvent(.click, at: Point(x: rows.x + 2, y: rows.y + 1)))))
        XCTAssertEqual(state.queue.cursor, 1)
        _ = Workbench.reduce(&state, .key(.mouse(MouseEvent(.wheelUp, at: Point(x: 0, y: 0)))))
        XCTAssertEqual(state.queue.cursor, 0)
        let below = Point(x: rows.x + 2, y: rows.y + state.entryCount + 2)
        _ = Workbench.reduce(&state, .key(.mouse(MouseEvent(.click, at: below))))
        XCTAssertEqual(state.queue.cursor, 0, "a click below the last row selects nothing")
        let pending = state.pendingWrites
        _ = Workbench.reduce(&state, .key(.mouse(MouseEvent(.click, at: Point(x: 100, y: 20)))))
        XCTAssertEqual(state.pendingWrites, pending, "a click outside the queue decides nothing")
        XCTAssertEqual(state.queue.cursor, 0)
    }
}
