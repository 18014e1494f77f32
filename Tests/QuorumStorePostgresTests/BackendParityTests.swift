import Foundation
import QuorumStore
import XCTest
@testable import QuorumStorePostgres

/// The two backends hold the same dataset the same way: the same decisions give the same
/// derived state and log, and every export format is byte for byte the same.
final class BackendParityTests: PostgresTestCase {
    func testSameDecisionsGiveByteIdenticalExportsFromBothBackends() async throws {
        let sqlite = try await makeSQLiteStore("parity.sqlite")
        try await withStore { postgres in
            try await postgres.writeRows(try await sqlite.readRows())
            for step in StoreFixture.steps {
                try await apply(step, sqlite: sqlite, postgres: postgres)
            }
            for (index, request) in StoreFixture.exports.enumerated() {
                let fromSQLite = try await export(request, from: sqlite, name: "sqlite-\(index).jsonl")
                let fromPostgres = try await export(request, from: postgres, name: "postgres-\(index).jsonl")
                XCTAssertFalse(fromSQLite.isEmpty, "\(request.format) exported nothing")
                XCTAssertEqual(fromPostgres, fromSQLite, "\(request.format) differs between the backends")
            }
            let sqliteRows = try await sqlite.readRows()
            let postgresRows = try await postgres.readRows()
            XCTAssertEqual(postgresRows, sqliteRows, "the stored rows (log and derived state) differ")
            XCTAssertEqual(postgresRows.decisionCount, 13)
        }
        try sqlite.close()
    }

    func testImportGivesTheSameTrainingExportsAsSQLite() async throws {
        let file = try write(StoreFixture.jsonl, to: "data.jsonl")
        let sqlite = try Store.open(at: path("import.sqlite"), access: .write(command: "test"))
        let sqliteSummary = try await sqlite.importJSONL(from: .file(path: file))
        try await withStore { postgres in
            let summary = try await postgres.importJSONL(from: .file(path: file))
            XCTAssertEqual(summary, sqliteSummary)
            let again = try await postgres.importJSONL(from: .file(path: file))
            XCTAssertEqual(again.runID, 2, "a second import is a run of its own, after the first")
            let rows = try await postgres.readRows()
            XCTAssertEqual(rows.itemCount, 2 * sqliteSummary.items)
            for format in [ExportFormat.alpaca, .sharegpt] {
                let request = ExportRequest(format: format, statuses: ItemStatus.allCases, filter: nil)
                let twice = try await export(request, from: postgres, name: "postgres-\(format).jsonl")
                let once = try await export(request, from: sqlite, name: "sqlite-\(format).jsonl")
                XCTAssertEqual(twice, once + once, "\(format) differs after importing into PostgreSQL")
            }
        }
        try sqlite.close()
    }

    func testDecisionsAreAppendOnly() async throws {
        let sqlite = try await makeSQLiteStore("log.sqlite")
        try await withStore { postgres in
            try await postgres.writeRows(try await sqlite.readRows())
            try await postgres.decide(.accept, itemID: 1, curator: "ana")
            do {
                try await postgres.query("UPDATE decisions SET curator = 'mallory'")
                XCTFail("an UPDATE of the decision log was allowed")
            } catch let error as PostgresStoreError {
                XCTAssertTrue(error.description.contains("append-only"), error.description)
            }
            do {
                try await postgres.query("DELETE FROM decisions")
                XCTFail("a DELETE from the decision log was allowed")
            } catch let error as PostgresStoreError {
                XCTAssertTrue(error.description.contains("append-only"), error.description)
            }
        }
        try sqlite.close()
    }
}
