import QuorumCore
import XCTest
@testable import QuorumStore
@testable import QuorumTUI

/// The queue in fragility order: pages, arrivals, the cursor and row lookups. The items'
/// matrices are alike, so the smaller margin is the more fragile.
final class ReducerOrderTests: XCTestCase {
    /// A pending item whose consensus chose candidate 0 by `margin`.
    private func item(_ id: Int64, margin: Double?) -> ItemDetail {
        let consensus = ConsensusResult(
            choice: margin == nil ? nil : 0, rule: .rouge, scores: [1, 1 - (margin ?? 0), 0.5], margin: margin ?? 0,
            matrix: [[1, 0.5, 0.5], [0.5, 1, 0.5], [0.5, 0.5, 1]], discard: margin == nil ? .noAgreement : nil)
        var detail = Fixtures.detail(id, instruction: "Item \(id)", texts: ["a b", "a c", "a d"], consensus: consensus)
        detail.item.status = .pending
        if margin == nil { detail.candidateSet.consensusMargin = nil }
        return detail
    }

    private func marginState(_ items: [ItemDetail], exhausted: Bool) -> WorkbenchState {
        var state = WorkbenchState(viewport: Size(width: 120, height: 40))
        state.queue.query.order = .fragility
        let start = Workbench.start(&state)
        XCTAssertEqual(start.first, .loadPage(state.queue.query, after: .start, limit: 100, generation: 0))
        let last = items.last.map(ReviewOrder.fragility.key(of:)) ?? .start
        _ = Workbench.reduce(&state, .pageLoaded(QueuePage(generation: 0, items: items, order: .fragility, readThrough: last, isLast: exhausted)))
        return state
    }

    func testPagesContinueFromTheLastRowsMarginAndId() {
        let items = (1...100).map { item(Int64(200 - $0), margin: Double($0) / 1000) }
        var state = marginState(items, exhausted: false)
        XCTAssertEqual(state.queue.rows.first?.itemID, 199)
        let effects = Workbench.moveCursor(to: 60, &state)
        XCTAssertEqual(effects.last, .loadPage(state.queue.query, after: ReviewOrder.fragility.key(of: items[99]), limit: 100, generation: 0))
        XCTAssertEqual(state.queue.largestItemID, 199)
    }

    func testAnArrivalSortingBeforeTheCursorIsInsertedAndTheCursorStaysOnItsItem() {
        var state = marginState([item(5, margin: 0.1), item(3, margin: 0.2), item(9, margin: 0.4)], exhausted: false)
        _ = Workbench.moveCursor(to: 1, &state)
        XCTAssertEqual(state.selectedEntry?.itemID, 3)

        _ = Workbench.reduce(&state, .itemArrived(item(12, margin: 0.05)))
        XCTAssertEqual(state.queue.rows.map(\.itemID), [12, 5, 3, 9])
        XCTAssertEqual(state.selectedEntry?.itemID, 3, "the cursor keeps its item")
        for (index, row) in state.queue.rows.enumerated() {
            XCTAssertEqual(state.queue.rowIndex(of: row.itemID), index)
        }

        _ = Workbench.reduce(&state, .itemArrived(item(13, margin: 0.3)))
        XCTAssertEqual(state.queue.rows.map(\.itemID), [12, 5, 3, 13, 9], "between loaded rows")
        XCTAssertEqual(state.selectedEntry?.itemID, 3)

        _ = Workbench.reduce(&state, .itemArrived(item(14, margin: 0.9)))
        XCTAssertNil(state.queue.rowIndex(of: 14), "after the pages read so far: the next page brings it")
    }

    func testOnceExhaustedAnArrivalAfterTheLastRowIsAppendedAndItemsWithoutAMarginComeLast() {
        var state = marginState([item(5, margin: 0.1), item(3, margin: nil)], exhausted: true)
        XCTAssertEqual(state.queue.rows.map(\.itemID), [5, 3])
        _ = Workbench.reduce(&state, .itemArrived(item(20, margin: 0.7)))
        _ = Workbench.reduce(&state, .itemArrived(item(21, margin: nil)))
        XCTAssertEqual(state.queue.rows.map(\.itemID), [5, 20, 3, 21])
        XCTAssertEqual(state.queue.loadedThrough, ReviewCursor(rank: Store.missingRank, id: 21))
        _ = Workbench.reduce(&state, .itemArrived(item(21, margin: nil)))
        XCTAssertEqual(state.queue.rows.count, 4, "an item is listed once")
    }

    func testDecisionsFindTheirRowInMarginOrder() {
        var state = marginState([item(8, margin: 0.3), item(2, margin: 0.5), item(4, margin: 0.6)], exhausted: true)
        _ = Workbench.moveCursor(to: 1, &state)
        let effects = Workbench.reduce(&state, .key(.character("a")))
        XCTAssertEqual(effects.first, .decide(itemID: 2, .accept))
        XCTAssertTrue(state.queue.rows[1].isWriting)
        var accepted = item(2, margin: 0.5)
        accepted.item.status = .accepted
        let decision = Decision(
            id: 1, itemID: 2, kind: .accept, setID: 20, candidate: 0, text: nil, reason: nil, targetID: nil,
            curator: "ada", at: Fixtures.date, note: nil)
        _ = Workbench.reduce(&state, .decisionRecorded(DecisionOutcome(decision: decision, item: accepted)))
        XCTAssertEqual(state.queue.rows[1].status, .accepted)
        XCTAssertFalse(state.queue.rows[1].isWriting)
    }

    func testTheQueueShowsTheOrderAndEachMargin() {
        var state = marginState([item(8, margin: 0.031), item(2, margin: nil)], exhausted: true)
        state.viewport = Size(width: 160, height: 30)
        let text = WorkbenchRenderer.render(state).textDump()
        XCTAssertTrue(text.contains("Queue · awaiting review · most fragile first"), text)
        // Fragility (1 − 0.031 / 2) × (1 − 0.5).
        XCTAssertTrue(text.contains(" 0.49 Item 8"), text)
        XCTAssertTrue(text.contains("–  Item 2"), text)
    }
}
