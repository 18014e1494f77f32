import Foundation
import GRDB
import QuorumTestSupport
import XCTest
@testable import QuorumStore

final class FilterDropTests: StoreTestCase {
    func testDropsAddUpPerRunStageAndReason() async throws {
        let store = try openWriter()
        let (first, second) = try await store.write { transaction in
            (try transaction.beginRun(source: "generate", configJSON: "{}").id!,
             try transaction.beginRun(source: "generate", configJSON: "{}").id!)
        }
        let similar = FilterDropKey(stage: .instruction, reason: "too similar")
        let short = FilterDropKey(stage: .instruction, reason: "too short")
        let unparsable = FilterDropKey(stage: .instance, reason: "unparsable answer")
        try await store.write { try $0.recordFilterDrops([similar: 2, short: 1], runID: first) }
        try await store.write { try $0.recordFilterDrops([similar: 3, unparsable: 1], runID: first) }
        try await store.write { try $0.recordFilterDrops([short: 4, unparsable: 0], runID: second) }

        let firstRun = try await store.filterDrops(runID: first)
        XCTAssertEqual(firstRun, [
            FilterDropCount(stage: .instruction, reason: "too similar", count: 5),
            FilterDropCount(stage: .instruction, reason: "too short", count: 1),
            FilterDropCount(stage: .instance, reason: "unparsable answer", count: 1),
        ])
        let stats = try await store.stats()
        XCTAssertEqual(stats.filterDrops, [
            FilterDropCount(stage: .instruction, reason: "too short", count: 5),
            FilterDropCount(stage: .instruction, reason: "too similar", count: 5),
            FilterDropCount(stage: .instance, reason: "unparsable answer", count: 1),
        ], "summed over runs; equal counts by reason")
        let rows = try await rawQuery(store) { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM filter_drops") }
        XCTAssertEqual(rows, 4, "a zero count writes nothing")
    }

    func testQuorumStatsReportsTheDropsInTextAndJSON() async throws {
        let store = try openWriter()
        try await store.write { transaction in
            let run = try transaction.beginRun(source: "generate", configJSON: "{}").id!
            try transaction.recordFilterDrops(
                [FilterDropKey(stage: .instruction, reason: "too similar"): 7,
                 FilterDropKey(stage: .instruction, reason: "mentions \"image\""): 2,
                 FilterDropKey(stage: .instance, reason: "empty output"): 1],
                runID: run)
        }
        try store.close()
        let text = try QuorumBinary.run(["stats"], in: folder)
        XCTAssertEqual(text.status, 0, text.standardError)
        XCTAssertTrue(text.standardOutput.contains("""
            instructions filtered by the engine (9)
              7  too similar
              2  mentions "image"

            instances filtered by the engine (1)
              1  empty output
            """), text.standardOutput)
        let json = try QuorumBinary.run(["stats", "--json"], in: folder)
        XCTAssertEqual(json.status, 0, json.standardError)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let drops = try XCTUnwrap(object["filterDrops"] as? [[String: Any]])
        XCTAssertEqual(drops.map { $0["stage"] as? String }, ["instruction", "instruction", "instance"])
        XCTAssertEqual(drops.map { $0["count"] as? Int }, [7, 2, 1])
    }

    func testDropsNeedAnExistingRun() async throws {
        let store = try openWriter()
        await assertThrowsAsync({
            try await store.write { try $0.recordFilterDrops([FilterDropKey(stage: .instance, reason: "x"): 1], runID: 42) }
        }) { error in
            XCTAssertTrue("\(error)".contains("FOREIGN KEY"), "\(error)")
        }
    }

    /// A store written by the version-1 schema (the previous release) gains the table on its
    /// first writing open, keeps every row, and is refused by a reader until then.
    func testAVersionOneStoreIsMigrated() async throws {
        let target = try await olderStore("old.sqlite", upTo: "v1", """
            INSERT INTO runs (started_at, source, config_json, config_hash) VALUES ('2024-01-01 00:00:00.000', 'import', '{}', 'x');
            INSERT INTO items (run_id, type, instruction, input, seed_ids, created_at, status)
                VALUES (1, 'B', 'An old instruction.', '', '[]', '2024-01-01 00:00:00.000', 'pending');
            """)
        XCTAssertEqual(try sqlitePragma(target, "user_version"), 1)
        XCTAssertThrowsStoreError(
            try Store.open(at: target, access: .read), .olderSchema(path: target, found: 1, known: StoreSchema.currentVersion))

        let store = try Store.open(at: target, access: .write(command: "quorum test"))
        try await store.write {
            try $0.recordFilterDrops([FilterDropKey(stage: .instruction, reason: "too long"): 2], runID: 1)
        }
        let instruction = try await store.item(1).item.instruction
        XCTAssertEqual(instruction, "An old instruction.")
        try store.close()
        XCTAssertEqual(try sqlitePragma(target, "user_version"), StoreSchema.currentVersion)
        let reader = try Store.open(at: target, access: .read)
        let drops = try await reader.filterDrops()
        XCTAssertEqual(drops, [FilterDropCount(stage: .instruction, reason: "too long", count: 2)])
        let integrity = try await reader.integrityCheck()
        XCTAssertEqual(integrity, ["ok"])
    }
}
