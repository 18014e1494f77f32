import QuorumCore
import XCTest
@testable import QuorumStore
@testable import QuorumTUI

/// Issue 12: keys pressed while the selected item loads are queued and applied in order once
/// it is there, not dropped ("#N is still loading").
final class ReducerQueuedKeysTests: XCTestCase {
    private let items = (1...5).map { id in
        Fixtures.detail(Int64(id), instruction: "Instruction \(id).", texts: ["same answer", "same answer", "other"])
    }

    /// The queue's rows with only the first item read whole, as after a first page.
    private func state() -> WorkbenchState {
        var state = WorkbenchState(viewport: Size(width: 120, height: 40), themeNames: ["dark"])
        _ = Workbench.start(&state)
        let page = QueuePage(
            generation: 0, rows: items.map { QueueRow($0, order: .id) }, details: [items[0]],
            readThrough: .id(5), isLast: true)
        _ = Workbench.reduce(&state, .pageLoaded(page))
        _ = Workbench.reduce(&state, .countsLoaded(Fixtures.counts(items)))
        return state
    }

    private func decisions(_ effects: [WorkbenchEffect]) -> [Int64] {
        effects.compactMap { if case .decide(let id, .accept) = $0 { return id } else { return nil } }
    }

    func testFiveFastAcceptsRecordFiveDecisionsInOrder() {
        var state = state()
        var effects: [WorkbenchEffect] = []
        for _ in 0..<5 { effects += Workbench.reduce(&state, .key(.character("a"))) }
        XCTAssertEqual(decisions(effects), [1], "the others wait for their items")
        for item in items.dropFirst() {
            effects += Workbench.reduce(&state, .itemLoaded(item))
        }
        XCTAssertEqual(decisions(effects), [1, 2, 3, 4, 5])
    }

    func testKeysAfterAQueuedOneWaitForItAndQuitDoesNot() {
        var state = state()
        _ = Workbench.reduce(&state, .key(.character("a")))
        _ = Workbench.reduce(&state, .key(.character("a")))
        _ = Workbench.reduce(&state, .key(.character("j")))
        XCTAssertEqual(state.queue.cursor, 1, "j waits behind the queued a")
        _ = Workbench.reduce(&state, .itemLoaded(items[1]))
        XCTAssertEqual(state.queue.cursor, 3, "a on #2 moved on to #3, then j to #4")
        XCTAssertEqual(decisions(Workbench.reduce(&state, .key(.character("a")))), [], "#4 is not loaded: the a waits")
        XCTAssertEqual(Workbench.reduce(&state, .key(.character("q"))), [.quit], "q does not wait")
        XCTAssertEqual(decisions(Workbench.reduce(&state, .itemLoaded(items[3]))), [], "and drops what waited")
    }
}
