import Foundation
import GRDB
import QuorumCore
import XCTest
@testable import QuorumStore

/// The contested mark a team's store derives, kept by a SQLite store that mirrors or copies one.
final class ContestedMarkTests: StoreTestCase {
    /// A version-6 store gains the contested mark, unset on every item, and can be copied.
    func testAVersionSixStoreGainsAnUnsetContestedMark() async throws {
        let target = try await olderStore("v6.sqlite", upTo: "v6", """
            INSERT INTO runs (started_at, source, config_json, config_hash) VALUES ('2024-01-01 00:00:00.000', 'import', '{}', 'x');
            INSERT INTO items (run_id, type, instruction, input, seed_ids, created_at, status)
                VALUES (1, 'B', 'Old.', '', '[]', '2024-01-01 00:00:00.000', 'pending');
            """)
        XCTAssertEqual(try sqlitePragma(target, "user_version"), 6)
        let store = try Store.open(at: target, access: .write(command: "quorum test"))
        defer { try? store.close() }
        XCTAssertEqual(try sqlitePragma(target, "user_version"), StoreSchema.currentVersion)
        let marks = try await rawQuery(store) { try Int.fetchAll($0, sql: "SELECT contested FROM items") }
        XCTAssertEqual(marks, [0])
        let rows = try await store.readRows()
        XCTAssertEqual(rows.rows(of: "items").first?.last, .integer(0))
    }

    func testOneCuratorsDecisionClearsTheMark() async throws {
        let (store, ids) = try await storeWithItems(3)
        defer { try? store.close() }
        try await store.write { try $0.db.execute(sql: "UPDATE items SET contested = 1") }
        _ = try await store.write { try $0.append(.accept, to: ids[0], curator: "ann") }
        _ = try await store.write { try $0.decideBatch(.reject(reason: "vague"), items: [ids[1]], curator: "ann") }
        let marks = try await rawQuery(store) { try Int.fetchAll($0, sql: "SELECT contested FROM items ORDER BY id") }
        XCTAssertEqual(marks, [0, 0, 1])
    }
}
