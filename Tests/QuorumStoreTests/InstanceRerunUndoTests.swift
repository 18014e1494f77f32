import QuorumCore
import XCTest
@testable import QuorumStore

/// Issue 16: undoing an instance rerun brings the old item back and withdraws the new one,
/// so one instruction is never queued twice; undoing that undo swaps them back.
final class InstanceRerunUndoTests: StoreTestCase {
    /// Item 1 rerun as item 2, written as the engine writes it.
    private func storeWithARerun() async throws -> (Store, rejection: Int64) {
        let store = try openWriter()
        let rejection = try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            _ = try transaction.insertItem(Fixtures.item(runID: run.id!, index: 1))
            let replacement = try transaction.insertItem(Fixtures.item(runID: run.id!, index: 2))
            return try transaction.append(
                .reject(reason: InstanceRerunLink.replacedReason(by: replacement.id!)), to: 1, curator: "ana").id!
        }
        return (store, rejection)
    }

    private func statuses(_ store: Store) async throws -> [ItemStatus] {
        try await store.items(withStatus: ItemStatus.allCases, limit: 10).map(\.item.status)
    }

    func testUndoingTheRerunWithdrawsTheNewItemAndRedoingBringsItBack() async throws {
        let (store, rejection) = try await storeWithARerun()
        let first = try await statuses(store)
        XCTAssertEqual(first, [.rejected, .pending])

        let undo = try await store.write { try $0.append(.undo(decisionID: rejection), to: 1, curator: "ana") }
        let afterUndo = try await statuses(store)
        XCTAssertEqual(afterUndo, [.pending, .rejected], "the instruction is queued once")
        let withdrawal = try await store.history(of: 2).last?.decision
        XCTAssertEqual(withdrawal?.reason, "withdrawn: the instance rerun of item 1 was undone")
        XCTAssertEqual(withdrawal?.curator, "ana")
        let linked = try await store.linkedInstanceRerun(ofUndo: undo)
        XCTAssertEqual(linked, 2)

        let redo = try await store.write { try $0.append(.undo(decisionID: undo.id!), to: 1, curator: "ana") }
        let afterRedo = try await statuses(store)
        XCTAssertEqual(afterRedo, [.rejected, .pending], "undoing the undo swaps them back")
        let linkedAgain = try await store.linkedInstanceRerun(ofUndo: redo)
        XCTAssertEqual(linkedAgain, 2)
        let stale = try await store.read { try StoreTransaction(db: $0).itemsWithStaleState() }
        XCTAssertEqual(stale, [])
    }

    func testANewItemACuratorDecidedIsNotThrownAway() async throws {
        let (store, rejection) = try await storeWithARerun()
        _ = try await store.write { try $0.append(.accept, to: 2, curator: "bo") }
        do {
            _ = try await store.write { try $0.append(.undo(decisionID: rejection), to: 1, curator: "ana") }
            XCTFail("the undo would queue the instruction twice")
        } catch StoreError.refused(let message) {
            XCTAssertTrue(message.contains("item 2, the instance rerun of item 1, is accepted"), message)
        }
        let unchanged = try await statuses(store)
        XCTAssertEqual(unchanged, [.rejected, .accepted], "nothing was written")
        let log = try await store.history(of: 1)
        XCTAssertEqual(log.count, 1)
    }

    func testOnlyTheEnginesReasonLinksItems() {
        XCTAssertEqual(InstanceRerunLink.newItem(inReason: "instance rerun as item 42"), 42)
        XCTAssertNil(InstanceRerunLink.newItem(inReason: "instance rerun as item 42 because"))
        XCTAssertNil(InstanceRerunLink.newItem(inReason: "instance rerun as item "))
        XCTAssertNil(InstanceRerunLink.newItem(inReason: "instance rerun as item ٤٢"))
        XCTAssertNil(InstanceRerunLink.newItem(inReason: "off topic"))
        XCTAssertNil(InstanceRerunLink.newItem(inReason: nil))
    }
}
