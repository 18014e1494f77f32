import GRDB
import XCTest
@testable import QuorumStore

/// Each item caches its current set's margin (schema version 3), which the margin-ordered
/// queue pages by: the cache follows consensus, reruns and their undo, and older stores
/// gain it on their first writing open.
final class MarginCacheTests: StoreTestCase {
    private func cachedMargin(_ store: Store, _ itemID: Int64) async throws -> Double? {
        try await rawQuery(store) { db in
            try Double.fetchOne(db, sql: "SELECT margin FROM items WHERE id = ?", arguments: [itemID])
        }
    }

    func testTheCacheFollowsConsensusRerunsAndUndo() async throws {
        let store = try openWriter()
        let (itemID, setID) = try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            var new = Fixtures.item(runID: run.id!, index: 0)
            new.candidateSet.consensus = nil
            let item = try transaction.insertItem(new)
            return (item.id!, item.currentSetID!)
        }
        let streaming = try await cachedMargin(store, itemID)
        XCTAssertNil(streaming, "no consensus, no margin")

        var consensus = Fixtures.consensus(choice: 1)
        consensus.margin = 0.25
        try await store.write { [consensus] in try $0.recordConsensus(consensus, forSet: setID) }
        let decided = try await cachedMargin(store, itemID)
        XCTAssertEqual(decided, 0.25)

        var rerun = NewCandidateSet(candidates: Fixtures.candidates(1), consensus: Fixtures.consensus(choice: 0))
        rerun.consensus?.margin = 0.75
        let rerunDecision = try await store.write { [rerun] in try $0.append(.rerun(rerun), to: itemID, curator: "ada") }
        let rerunMargin = try await cachedMargin(store, itemID)
        XCTAssertEqual(rerunMargin, 0.75, "the new set's margin")

        _ = try await store.write { try $0.undo(rerunDecision.id!, curator: "ada") }
        let undone = try await cachedMargin(store, itemID)
        XCTAssertEqual(undone, 0.25, "the first set's again")
        let stale = try await store.write { try $0.itemsWithStaleState() }
        XCTAssertEqual(stale, [])
    }

    func testAStaleMarginIsFoundAndRebuilt() async throws {
        let (store, ids) = try await storeWithItems(2)
        try await store.write { transaction in
            try transaction.db.execute(sql: "UPDATE items SET margin = 9 WHERE id = ?", arguments: [ids[1]])
        }
        let stale = try await store.write { try $0.itemsWithStaleState() }
        XCTAssertEqual(stale, [ids[1]])
        let rebuilt = try await store.write { try $0.rebuildDerivedState() }
        XCTAssertEqual(rebuilt, 1)
        let margin = try await cachedMargin(store, ids[1])
        XCTAssertEqual(margin, 0)
    }

    /// A store written by the version-2 schema gains the column, filled from each item's
    /// current set, and pages in margin order at once.
    func testAVersionTwoStoreIsMigrated() async throws {
        let target = try await olderStore("v2.sqlite", upTo: "v2", """
            INSERT INTO runs (started_at, source, config_json, config_hash) VALUES ('2024-01-01 00:00:00.000', 'import', '{}', 'x');
            INSERT INTO items (run_id, type, instruction, input, seed_ids, created_at, status)
                VALUES (1, 'B', 'Fragile.', '', '[]', '2024-01-01 00:00:00.000', 'pending'),
                       (1, 'B', 'Solid.', '', '[]', '2024-01-01 00:00:00.000', 'pending'),
                       (1, 'B', 'No set.', '', '[]', '2024-01-01 00:00:00.000', 'pending');
            INSERT INTO candidate_sets (item_id, ordinal, created_at, consensus_choice, consensus_rule, consensus_margin)
                VALUES (1, 0, '2024-01-01 00:00:00.000', 0, 'rouge', 0.05),
                       (2, 0, '2024-01-01 00:00:00.000', 0, 'rouge', 0.5);
            UPDATE items SET current_set_id = id WHERE id IN (1, 2);
            """)
        XCTAssertEqual(try sqlitePragma(target, "user_version"), 2)

        let store = try Store.open(at: target, access: .write(command: "quorum test"))
        XCTAssertEqual(try sqlitePragma(target, "user_version"), StoreSchema.currentVersion)
        let page = try await store.queueListing(
            QueueSelection(statuses: ItemStatus.awaitingReview, order: .fragility), after: .start, scanning: 10, limit: 10)
        XCTAssertEqual(page.rows.map(\.itemID), [1, 2, 3], "most fragile first, the item without a set last")
        XCTAssertEqual(page.rows.map(\.margin), [0.05, 0.5, nil])
        let integrity = try await store.integrityCheck()
        XCTAssertEqual(integrity, ["ok"])
        try store.close()
    }
}
