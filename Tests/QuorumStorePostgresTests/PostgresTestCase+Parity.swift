import Foundation
import QuorumStore
import XCTest
@testable import QuorumStorePostgres

/// What the tests that compare the two backends share: the fixture on SQLite, the same step
/// on both, and an export's bytes.
extension PostgresTestCase {
    /// A SQLite store with the fixture imported.
    func makeSQLiteStore(_ name: String) async throws -> Store {
        let file = try write(StoreFixture.jsonl, to: name + ".jsonl")
        let store = try Store.open(at: path(name), access: .write(command: "test"))
        _ = try await store.importJSONL(from: .file(path: file))
        return store
    }

    func apply(_ step: StoreFixture.Step, sqlite: Store, postgres: PostgresStore) async throws {
        let at = StoreFixture.moment
        switch step {
        case .decide(let action, let item):
            _ = try await sqlite.write { try $0.append(action, to: item, curator: "ana", at: at) }
            try await postgres.decide(action, itemID: item, curator: "ana", at: at)
        case .batch(let action, let items):
            let fromSQLite = try await sqlite.write { try $0.decideBatch(action, items: items, curator: "bo", at: at) }
            let fromPostgres = try await postgres.decideBatch(action, items: items, curator: "bo", at: at)
            XCTAssertEqual(fromPostgres, fromSQLite)
        case .undoBatch(let batch):
            let fromSQLite = try await sqlite.write { try $0.undoBatch(batch, curator: "bo", at: at) }
            let fromPostgres = try await postgres.undoBatch(batch, curator: "bo", at: at)
            XCTAssertEqual(fromPostgres, fromSQLite)
        }
    }

    func export(_ request: ExportRequest, from store: Store, name: String) async throws -> Data {
        _ = try await store.export(request, to: .file(path: path(name)))
        return try Data(contentsOf: URL(fileURLWithPath: path(name)))
    }

    func export(_ request: ExportRequest, from store: PostgresStore, name: String) async throws -> Data {
        _ = try await store.export(request, to: .file(path: path(name)))
        return try Data(contentsOf: URL(fileURLWithPath: path(name)))
    }
}
