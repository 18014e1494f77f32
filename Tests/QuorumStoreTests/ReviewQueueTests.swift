import Foundation
import GRDB
import XCTest
@testable import QuorumStore

final class ReviewQueueTests: StoreTestCase {
    func testPagesSkipDecidedItems() async throws {
        let (store, ids) = try await storeWithItems(7)
        try await store.write { transaction in
            try transaction.append(.accept, to: ids[1], curator: "ada")
            try transaction.append(.reject(reason: "x"), to: ids[4], curator: "ada")
        }
        let first = try await store.reviewQueue(limit: 3)
        XCTAssertEqual(first.map(\.item.id), [ids[0], ids[2], ids[3]])
        let second = try await store.reviewQueue(after: first.last!.item.id!, limit: 3)
        XCTAssertEqual(second.map(\.item.id), [ids[5], ids[6]])
        XCTAssertEqual(second[0].candidates.count, 3)
        XCTAssertEqual(second[0].candidateSet.consensusChoice, 1)
    }

    func testQueueReadsThePartialIndexWithoutSorting() async throws {
        let (store, _) = try await storeWithItems(1)
        let plan = try await rawQuery(store) { db in
            let part = Store.scanParts(QueueSelection(statuses: ItemStatus.awaitingReview), after: .start)[0]
            return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + part.sql + " LIMIT ?", arguments: part.arguments + [50])
                .map { $0["detail"] as String }.joined(separator: "\n")
        }
        XCTAssertTrue(plan.contains("items_awaiting_review"), plan)
        XCTAssertFalse(plan.contains("TEMP B-TREE"), plan)
    }

    func testHistoryMarksUndoneEvents() async throws {
        let (store, ids) = try await storeWithItems(1)
        let accept = try await store.write { try $0.append(.accept, to: ids[0], curator: "ada") }
        _ = try await store.write { try $0.undo(accept.id!, curator: "bob", note: "too quick") }
        let history = try await store.history(of: ids[0])
        XCTAssertEqual(history.map(\.decision.kind), [.accept, .undo])
        XCTAssertEqual(history.map(\.isActive), [false, true])
        XCTAssertEqual(history[1].decision.note, "too quick")
        XCTAssertEqual(history[1].decision.curator, "bob")
    }
}
