import XCTest
@testable import QuorumStore
@testable import QuorumTUI

/// Issue 16: a new session starts where the curator left off, not at the first pending item.
final class ReducerResumeTests: XCTestCase {
    private func item(_ id: Int64) -> ItemDetail {
        Fixtures.detail(id, instruction: "Item \(id).", texts: ["same", "same", "other"])
    }

    private func opened(resumingAfter itemID: Int64) -> (WorkbenchState, [WorkbenchEffect]) {
        var state = WorkbenchState(viewport: Size(width: 120, height: 40), themeNames: ["dark"])
        state.queue.resume = ResumePoint(itemID: itemID, key: .id(itemID))
        let effects = Workbench.start(&state)
        return (state, effects)
    }

    func testTheCursorStartsAfterTheLastDecision() {
        var (state, _) = opened(resumingAfter: 2)
        let page = QueuePage(generation: 0, items: [item(1), item(3), item(4)], readThrough: .id(4), isLast: true)
        _ = Workbench.reduce(&state, .pageLoaded(page))
        XCTAssertEqual(state.selectedEntry?.itemID, 3)
        XCTAssertNil(state.queue.resume)
        XCTAssertTrue(state.status.message?.text.contains("back where you left off, after #2") == true)
        _ = Workbench.reduce(&state, .key(.character("g")))
        XCTAssertEqual(state.selectedEntry?.itemID, 1, "the earlier items are still there")
    }

    func testPagesAreReadUntilThePlaceIsReached() {
        var (state, _) = opened(resumingAfter: 9)
        let first = QueuePage(generation: 0, items: [item(1), item(3)], readThrough: .id(3), isLast: false)
        let effects = Workbench.reduce(&state, .pageLoaded(first))
        XCTAssertTrue(effects.contains { if case .loadPage = $0 { return true } else { return false } })
        XCTAssertNotNil(state.queue.resume)
        let second = QueuePage(generation: 0, items: [item(10), item(11)], readThrough: .id(11), isLast: true)
        _ = Workbench.reduce(&state, .pageLoaded(second))
        XCTAssertEqual(state.selectedEntry?.itemID, 10)
    }

    func testNothingAfterThePlaceLeavesTheCursorWhereItIs() {
        var (state, _) = opened(resumingAfter: 20)
        let page = QueuePage(generation: 0, items: [item(1), item(3)], readThrough: .id(3), isLast: true)
        _ = Workbench.reduce(&state, .pageLoaded(page))
        XCTAssertNil(state.queue.resume)
        XCTAssertNotNil(state.selectedEntry)
    }
}
