import Foundation
import GRDB
import XCTest
@testable import QuorumStore

/// The workbench's queue pages: any statuses, id or margin order, optionally a fixed set of items.
final class QueuePageTests: StoreTestCase {
    /// 30 items with margins (index × 7) mod 10 / 10, so margins repeat and ids break ties;
    /// every third item is still streaming (no margin to sort by) and every fourth is accepted.
    private func store() async throws -> (Store, [Int64]) {
        let store = try openWriter()
        let ids = try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            return try (0..<30).map { index in
                var item = Fixtures.item(runID: run.id!, index: index)
                item.candidateSet.consensus?.margin = Double(index * 7 % 10) / 10
                if index % 3 == 0 { item.candidateSet.consensus = nil }
                return try transaction.insertItem(item).id!
            }
        }
        try await store.write { transaction in
            for id in ids where (id - ids[0]) % 4 == 0 && (id - ids[0]) % 3 != 0 {
                try transaction.append(.accept, to: id, curator: "ada")
            }
        }
        return (store, ids)
    }

    private func allPages(_ store: Store, _ selection: QueueSelection, limit: Int) async throws -> [ItemDetail] {
        var collected: [ItemDetail] = []
        var cursor = ReviewCursor.start
        while true {
            let page = try await store.queuePage(selection, after: cursor, limit: limit)
            collected += page
            guard page.count == limit, let last = page.last else { return collected }
            cursor = selection.order.key(of: last)
        }
    }

    func testMarginOrderPagesEveryItemOnceInKeyOrder() async throws {
        let (store, ids) = try await store()
        for statuses in [ItemStatus.allCases, ItemStatus.awaitingReview] {
            let selection = QueueSelection(statuses: statuses, order: .fragility)
            let paged = try await allPages(store, selection, limit: 4)
            let everything = try await store.items(withStatus: statuses, limit: 100)
            XCTAssertEqual(Set(paged.map { $0.item.id! }), Set(everything.map { $0.item.id! }), "\(statuses)")
            XCTAssertEqual(paged.count, everything.count, "no item twice")
            let keys = paged.map(ReviewOrder.fragility.key(of:))
            XCTAssertEqual(keys, keys.sorted(), "fragile first, then by id")
            XCTAssertEqual(keys.last?.rank, Store.missingRank, "sets without a margin come last")
        }
        XCTAssertEqual(ids.count, 30)
    }

    func testAFixedSetOfItemsIsPagedInEitherOrder() async throws {
        let (store, ids) = try await store()
        let chosen = [ids[29], ids[1], ids[4], ids[10], ids[11], ids[12]]
        let byID = try await allPages(store, QueueSelection(statuses: ItemStatus.allCases, itemIDs: chosen), limit: 2)
        XCTAssertEqual(byID.map { $0.item.id! }, chosen.sorted())
        let byMargin = try await allPages(
            store, QueueSelection(statuses: ItemStatus.allCases, order: .fragility, itemIDs: chosen), limit: 2)
        XCTAssertEqual(Set(byMargin.map { $0.item.id! }), Set(chosen))
        XCTAssertEqual(byMargin.map(ReviewOrder.fragility.key(of:)), byMargin.map(ReviewOrder.fragility.key(of:)).sorted())
        let pending = try await allPages(store, QueueSelection(statuses: [.accepted], itemIDs: chosen), limit: 10)
        XCTAssertEqual(pending.map { $0.item.id! }, [ids[4]], "statuses still filter")
    }

    /// Every filter the workbench offers, in either order, reads its rows without sorting them.
    func testEveryFilterWalksAnIndexOrTheItemsWithoutSorting() async throws {
        let (store, _) = try await store()
        let filters = [ItemStatus.awaitingReview, ItemStatus.allCases, [.accepted], [.streaming]]
        for order in ReviewOrder.allCases {
            for statuses in filters {
                let cursor = ReviewCursor(rank: 0.1, id: 3)
                let plans = try await rawQuery(store) { db in
                    try Store.scanParts(QueueSelection(statuses: statuses, order: order), after: cursor).map { part in
                        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + part.sql + " LIMIT ?", arguments: part.arguments + [50])
                            .map { $0["detail"] as String }.joined(separator: "\n")
                    }
                }
                XCTAssertEqual(plans.count, order == .fragility ? 3 : 1)
                for plan in plans {
                    XCTAssertFalse(plan.contains("TEMP B-TREE"), "\(order) \(statuses): \(plan)")
                    let seeks = plan.split(separator: "\n").filter { $0.hasPrefix("SEARCH") }
                    XCTAssertFalse(seeks.isEmpty, plan)
                    if order == .fragility {
                        // An index seek on the whole key: a run of equal fragilities is never walked.
                        XCTAssertTrue(seeks.allSatisfy { $0.contains("fragility=? AND id>?") || $0.contains("fragility<?") }, plan)
                    }
                    XCTAssertTrue(plan.contains(order == .fragility ? "items_by_status_fragility" : "SEARCH i"), plan)
                    if order == .id && statuses == ItemStatus.awaitingReview {
                        XCTAssertTrue(plan.contains("items_awaiting_review"), plan)
                    }
                }
            }
        }
    }
}
