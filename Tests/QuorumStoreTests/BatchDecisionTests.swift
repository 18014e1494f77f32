import QuorumCore
import XCTest
@testable import QuorumStore

/// Issue 16: bulk decisions are one transaction and one batch that one undo takes back.
final class BatchDecisionTests: StoreTestCase {
    private func storeWithItems() async throws -> Store {
        let store = try openWriter()
        _ = try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            for index in 1...10 {
                // Items 3 and 7 were discarded by the consensus: nothing to accept.
                _ = try transaction.insertItem(Fixtures.item(runID: run.id!, index: index, choice: [3, 7].contains(index) ? nil : 1))
            }
        }
        return store
    }

    func testAnAcceptOverAFilterDecidesItsPendingItemsAsOneBatch() async throws {
        let store = try await storeWithItems()
        _ = try await store.write { try $0.append(.reject(reason: "off topic"), to: 2, curator: "ana") }
        let selection = QueueSelection(statuses: ItemStatus.allCases, filter: try FilterExpression.parse("type = B or run = 1"))
        let targets = try await store.batchTargets(selection)
        XCTAssertEqual(targets, [1, 4, 5, 6, 8, 9, 10], "pending only: the rejected item and the discarded ones are left alone")

        let outcome = try await store.write { try $0.decideBatch(.accept, items: targets, curator: "bo") }
        XCTAssertEqual(outcome.itemIDs, targets)
        let batchID = try XCTUnwrap(outcome.batchID)
        for id in targets {
            let history = try await store.history(of: id).map(\.decision)
            XCTAssertEqual(history.last?.kind, .accept)
            XCTAssertEqual(history.last?.batchID, batchID)
        }
        let first = try await store.history(of: 1).last?.decision.id
        XCTAssertEqual(first, batchID, "a batch is named by its first decision")

        let undone = try await store.write { try $0.undoBatch(batchID, curator: "bo") }
        XCTAssertEqual(undone.itemIDs, targets)
        let statuses = try await store.items(withStatus: ItemStatus.allCases, limit: 20).map(\.item.status)
        XCTAssertEqual(statuses.filter { $0 == .pending }.count, 7)
        XCTAssertEqual(statuses[1], .rejected)
        try await assertStateMatchesTheLog(store)
        do {
            _ = try await store.write { try $0.undoBatch(batchID, curator: "bo") }
            XCTFail("a batch undone is not undone twice")
        } catch StoreError.refused {}
    }

    func testAnAcceptSkipsItemsWithoutAChoiceAndARejectDecidesThem() async throws {
        let store = try await storeWithItems()
        let all = Array(Int64(1)...10)
        let accepted = try await store.write { try $0.decideBatch(.accept, items: all, curator: "bo") }
        XCTAssertEqual(accepted.skipped, 2, "the discarded items have no choice to accept")
        XCTAssertEqual(accepted.itemIDs.count, 8)
        let rejected = try await store.write { try $0.decideBatch(.reject(reason: "junk"), items: [3, 7], curator: "bo") }
        XCTAssertEqual(rejected.itemIDs, [], "a bulk decision takes pending items only")
        XCTAssertEqual(rejected.skipped, 2)
        XCTAssertNil(rejected.batchID)
        try await assertStateMatchesTheLog(store)
        do {
            _ = try await store.write { try $0.decideBatch(.override(candidate: 0), items: all, curator: "bo") }
            XCTFail("only accept and reject are made in bulk")
        } catch StoreError.refused {}
    }

    /// The set-wise writes leave every item as its log derives it, and an item decided after
    /// the batch is undone through its log: its later decision stays in force.
    func testARejectAndItsUndoKeepTheLogAndLaterDecisions() async throws {
        let store = try await storeWithItems()
        _ = try await store.write { try $0.append(.accept, to: 4, curator: "ana") }
        let rejected = try await store.write {
            try $0.decideBatch(.reject(reason: "too short"), items: [1, 2, 4, 5, 5], curator: "bo")
        }
        XCTAssertEqual(rejected.itemIDs, [1, 2, 5], "item 4 was decided since the batch was planned")
        XCTAssertEqual(rejected.skipped, 1)
        let batchID = try XCTUnwrap(rejected.batchID)
        let rejection = try await store.history(of: 2).last?.decision
        XCTAssertEqual(rejection?.reason, "too short")
        XCTAssertEqual(rejection?.curator, "bo")
        try await assertStateMatchesTheLog(store)

        _ = try await store.write { try $0.append(.override(candidate: 0), to: 5, curator: "ana") }
        let undone = try await store.write { try $0.undoBatch(batchID, curator: "bo") }
        XCTAssertEqual(undone.itemIDs, [1, 2, 5])
        let statuses = try await store.items(withStatus: ItemStatus.allCases, limit: 20).map(\.item.status)
        XCTAssertEqual(Array(statuses[0...4]), [.pending, .pending, .discarded, .accepted, .overridden],
                       "the override made after the batch stays in force")
        let items = try await store.items(withStatus: [.pending], limit: 20)
        XCTAssertEqual(items.first?.item.chosen, 1, "a pending item shows its choice again")
        XCTAssertNotNil(items.first?.item.output)
        try await assertStateMatchesTheLog(store)
    }

    private func assertStateMatchesTheLog(_ store: Store, file: StaticString = #filePath, line: UInt = #line) async throws {
        let stale = try await store.read { try StoreTransaction(db: $0).itemsWithStaleState() }
        XCTAssertEqual(stale, [], "cached state differs from the log", file: file, line: line)
    }
}
