import XCTest
@testable import QuorumStore
@testable import QuorumTUI

/// The item pane tells each decision's story: who did what when, with the reason or note.
final class ItemHistoryTests: XCTestCase {
    private func logged(_ id: Int64, _ kind: DecisionKind, minute: Int, curator: String = "ada", reason: String? = nil,
                        note: String? = nil, candidate: Int? = nil, target: Int64? = nil, active: Bool = true) -> LoggedDecision {
        LoggedDecision(
            decision: Decision(id: id, itemID: 8, kind: kind, setID: 80, candidate: candidate, text: nil, reason: reason,
                               targetID: target, curator: curator, at: Fixtures.date.addingTimeInterval(Double(minute * 60)),
                               note: note),
            isActive: active)
    }

    private var log: [LoggedDecision] {
        [logged(1, .override, minute: 0, candidate: 2, active: false),
         logged(2, .undo, minute: 1, target: 1),
         logged(3, .note, minute: 2, curator: "bob", note: "the picture is not in the input"),
         logged(4, .reject, minute: 3, reason: "needs an image")]
    }

    func testEachEntryReadsAsALine() {
        XCTAssertEqual(ItemHistory(log).lines.map(\.text), [
            "11-14 22:13 ada took candidate 2 (undone)",
            "11-14 22:14 ada undid #1",
            "11-14 22:15 bob noted: the picture is not in the input",
            "11-14 22:16 ada rejected: needs an image",
        ])
    }

    func testTheLogArrivesAndTheItemPaneShowsItAtEachSize() {
        for size in ReaderSnapshotTests.sizes {
            var state = Fixtures.state(size, cursor: Fixtures.index(of: 8))
            _ = Workbench.reduce(&state, .historyLoaded(itemID: 8, log))
            let text = WorkbenchRenderer.render(state).textDump()
            XCTAssertTrue(text.contains("ada rejected: needs"), "the rejection and its reason (\(size)):\n\(text)")
            Snapshot.assert(text, named: "item-history-\(size.width)x\(size.height)")
        }
    }

    func testAnItemWithoutALogLooksAsBefore() {
        let size = Size(width: 80, height: 24)
        var state = Fixtures.state(size, cursor: Fixtures.index(of: 8))
        let before = WorkbenchRenderer.render(state)
        _ = Workbench.reduce(&state, .historyLoaded(itemID: 8, []))
        XCTAssertEqual(WorkbenchRenderer.render(state), before)
    }
}
