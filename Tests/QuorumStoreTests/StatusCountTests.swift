import GRDB
import QuorumBench
import XCTest
@testable import QuorumStore

final class StatusCountTests: StoreTestCase {
    func testCountsByStatusAgreeWithTheFullStatistics() async throws {
        let store = try openWriter()
        try await SyntheticStore.populate(store, shape: SyntheticStore.Shape(items: 3_000, candidatesPerItem: 3, seed: 7))
        let ids = try await store.items(withStatus: [.pending], limit: 3).map { $0.item.id! }
        try await store.write { transaction in
            try transaction.append(.reject(reason: "dull"), to: ids[0], curator: "ada")
            let accepted = try transaction.append(.accept, to: ids[1], curator: "ada")
            try transaction.append(.undo(decisionID: accepted.id!), to: ids[1], curator: "ada")
        }
        let fast = try await store.countsByStatus()
        let slow = try await store.stats()
        XCTAssertEqual(fast.count, ItemStatus.allCases.count, "every status is present")
        for status in ItemStatus.allCases {
            XCTAssertEqual(fast[status], slow.count(status: status), "\(status)")
        }
        XCTAssertEqual(fast.values.reduce(0, +), 3_000)
        XCTAssertGreaterThan(fast[.pending]!, 0)
        XCTAssertGreaterThan(fast[.accepted]!, 0)
    }

    func testAnEmptyStoreCountsZeroEverywhere() async throws {
        let store = try openWriter()
        let counts = try await store.countsByStatus()
        XCTAssertEqual(counts, Dictionary(uniqueKeysWithValues: ItemStatus.allCases.map { ($0, 0) }))
    }

    func testTheCountReadsOnlyTheStatusIndex() async throws {
        let store = try openWriter()
        let plan = try await rawQuery(store) { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Store.countsByStatusSQL).map { $0["detail"] as String }
        }
        XCTAssertEqual(plan, ["SCAN items USING COVERING INDEX items_by_status"])
    }
}
