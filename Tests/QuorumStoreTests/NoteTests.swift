import Foundation
import GRDB
import QuorumCore
import XCTest
@testable import QuorumStore

/// Notes are log entries of kind `note`: kept, exported in `full`, never changing a status.
final class NoteTests: StoreTestCase {
    func testANoteLeavesTheStatusAsItWas() async throws {
        let (store, ids) = try await storeWithItems(2)
        defer { try? store.close() }
        let statuses = try await store.write { transaction -> [ItemStatus] in
            try transaction.append(.note("check the units"), to: ids[0], curator: "ada")
            try transaction.append(.accept, to: ids[1], curator: "ada")
            try transaction.append(.note("good example"), to: ids[1], curator: "bob")
            return try ids.map { try Item.fetchOne(transaction.db, key: $0)!.status }
        }
        XCTAssertEqual(statuses, [.pending, .accepted])
        let history = try await store.history(of: ids[1])
        XCTAssertEqual(history.map(\.decision.kind), [.accept, .note])
        XCTAssertEqual(history.last?.decision.note, "good example")
        XCTAssertEqual(history.last?.decision.curator, "bob")
    }

    func testAnEmptyNoteIsRefused() async throws {
        let (store, ids) = try await storeWithItems(1)
        defer { try? store.close() }
        await assertThrowsAsync({ try await store.write { try $0.append(.note("  \n"), to: ids[0], curator: "ada") } }) { error in
            XCTAssertTrue("\(error)".contains("a note needs some text"), "\(error)")
        }
    }

    func testTheFullExportCarriesTheNote() async throws {
        let (store, ids) = try await storeWithItems(1)
        defer { try? store.close() }
        _ = try await store.write { try $0.append(.note("ask about \"units\""), to: ids[0], curator: "ada") }
        let target = path("full.jsonl")
        _ = try await store.export(ExportRequest(format: .full, statuses: ItemStatus.allCases), to: .file(path: target))
        let line = try String(contentsOfFile: target, encoding: .utf8).split(separator: "\n")[0]
        let row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        let decisions = row["decisions"] as! [[String: Any]]
        XCTAssertEqual(decisions.map { $0["kind"] as? String }, ["note"])
        XCTAssertEqual(decisions[0]["note"] as? String, "ask about \"units\"")
        XCTAssertEqual(row["status"] as? String, "pending")
    }

    /// A version-4 store keeps every decision through the rebuild of its log, and takes notes.
    func testAVersionFourStoreIsMigrated() async throws {
        let target = try await olderStore("v4.sqlite", upTo: "v4", """
            INSERT INTO runs (started_at, source, config_json, config_hash) VALUES ('2024-01-01 00:00:00.000', 'import', '{}', 'x');
            INSERT INTO items (run_id, type, instruction, input, seed_ids, created_at, status)
                VALUES (1, 'B', 'Decided.', '', '[]', '2024-01-01 00:00:00.000', 'pending');
            INSERT INTO candidate_sets (item_id, ordinal, created_at, consensus_choice, consensus_rule, consensus_margin)
                VALUES (1, 0, '2024-01-01 00:00:00.000', 0, 'rouge', 0.5);
            INSERT INTO candidates (set_id, position, member, text) VALUES (1, 0, 'm0', 'yes'), (1, 1, 'm1', 'no');
            UPDATE items SET current_set_id = 1;
            INSERT INTO decisions (item_id, kind, set_id, candidate, curator, at)
                VALUES (1, 'reject', 1, NULL, 'ada', '2024-01-01 00:00:00.000');
            INSERT INTO decisions (item_id, kind, target_id, curator, at, batch_id)
                VALUES (1, 'undo', 1, 'ada', '2024-01-01 00:00:01.000', 7);
            """)
        XCTAssertEqual(try sqlitePragma(target, "user_version"), 4)
        let store = try Store.open(at: target, access: .write(command: "quorum test"))
        defer { try? store.close() }
        XCTAssertEqual(try sqlitePragma(target, "user_version"), StoreSchema.currentVersion)
        let before = try await store.history(of: 1)
        XCTAssertEqual(before.map(\.decision.kind), [.reject, .undo])
        XCTAssertEqual(before.last?.decision.targetID, 1)
        XCTAssertEqual(before.last?.decision.batchID, 7)
        _ = try await store.write { try $0.append(.note("migrated"), to: 1, curator: "ada") }
        let after = try await store.history(of: 1)
        XCTAssertEqual(after.map(\.decision.kind), [.reject, .undo, .note])
        let integrity = try await store.integrityCheck()
        XCTAssertEqual(integrity, ["ok"])
        for sql in ["UPDATE decisions SET curator = 'eve'", "DELETE FROM decisions"] {
            await assertThrowsAsync({ try await store.write { try $0.db.execute(sql: sql) } }) { error in
                XCTAssertTrue("\(error)".contains("append-only"), "the rebuilt log is still append-only: \(error)")
            }
        }
        let indexes = try await rawQuery(store) { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'decisions' ORDER BY name")
        }
        XCTAssertEqual(indexes, ["decisions_by_batch", "decisions_by_item"])
    }
}
