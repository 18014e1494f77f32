import XCTest
@testable import QuorumStore
@testable import QuorumTUI

/// Issue 16: `s` puts an item off to the end of the session's queue, logs it, and changes
/// nothing about the item.
final class ReducerSkipTests: XCTestCase {
    private func listed(_ state: WorkbenchState) -> [Int64] { state.queue.rows.map(\.itemID) }

    func testASkipMovesTheItemToTheEndAndTheCursorToTheNext() {
        var state = Fixtures.state()
        let before = listed(state)
        let effects = Workbench.reduce(&state, .key(.character("s")))
        XCTAssertEqual(effects.first, .skip(itemID: 1))
        XCTAssertEqual(listed(state), Array(before.dropFirst()) + [1])
        XCTAssertEqual(state.selectedEntry?.itemID, 2, "the cursor stays put, on the next item")
        XCTAssertEqual(state.queue.rows.last?.status, .pending, "a skip decides nothing")
        XCTAssertEqual(state.pendingWrites, 0)
        XCTAssertTrue(state.status.message?.text.contains("comes back at the end") == true)

        _ = Workbench.reduce(&state, .key(.character("s")))
        XCTAssertEqual(Array(listed(state).suffix(2)), [1, 2], "skips come back in the order they were made")
    }

    func testRowsLoadedLaterGoBeforeTheSkippedOnes() {
        var state = Fixtures.state(items: Array(Fixtures.queue.prefix(3)), exhausted: false)
        _ = Workbench.reduce(&state, .key(.character("s")))
        let more = QueuePage(generation: state.queue.generation, items: [Fixtures.hostile], readThrough: .id(4), isLast: true)
        _ = Workbench.reduce(&state, .pageLoaded(more))
        XCTAssertEqual(listed(state), [2, 3, 4, 1])
    }

    func testANewQueryKeepsTheSessionsSkips() {
        var state = Fixtures.state()
        _ = Workbench.reduce(&state, .key(.character("s")))
        var query = state.queue.query
        query.search = "e"
        _ = Workbench.setQuery(query, &state)
        let page = QueuePage(generation: state.queue.generation, items: Array(Fixtures.queue.prefix(3)), readThrough: .id(3), isLast: true)
        _ = Workbench.reduce(&state, .pageLoaded(page))
        XCTAssertEqual(listed(state), [2, 3, 1])
    }

    func testTheLastItemSkippedStaysAndSaysSo() {
        var state = Fixtures.state(items: [Fixtures.healthy])
        XCTAssertEqual(Workbench.reduce(&state, .key(.character("s"))).first, .skip(itemID: 1))
        XCTAssertEqual(listed(state), [1])
        XCTAssertTrue(state.status.message?.text.contains("it is the last item") == true)
    }
}
