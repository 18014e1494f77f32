import Foundation
import PostgresNIO
import QuorumStore

extension PostgresStore {
    /// Stores a rerun's new set as the item's next ordinal, with its candidates, under ids
    /// the store makes, each value as SQLite writes it (`NewCandidateSet.storeCells`); returns
    /// the set's id. The caller holds the item's row lock.
    static func insertRerunSet(
        _ newSet: NewCandidateSet, itemID: Int64, at date: Date, _ connection: PostgresConnection, _ store: PostgresStore
    ) async throws -> Int64 {
        let ordinal = try await connection.run(
            "SELECT COALESCE(MAX(ordinal), 0) + 1 FROM candidate_sets WHERE item_id = \(itemID)", store
        ).decode(Int64.self).first { _ in true } ?? 1
        let cells = try newSet.storeCells(itemID: itemID, ordinal: Int(ordinal), at: date)
        let setID = try await insertReturningID("candidate_sets", cells.set, connection, store)
        let setColumn = table("candidates").columns.firstIndex { $0.name == "set_id" }!
        for var candidate in cells.candidates {
            candidate[setColumn] = .integer(setID)
            _ = try await insertReturningID("candidates", candidate, connection, store)
        }
        return setID
    }

    /// Inserts one row of `name` (its cells in the layout's order, the id left to the store).
    private static func insertReturningID(
        _ name: String, _ cells: [StoreCell], _ connection: PostgresConnection, _ store: PostgresStore
    ) async throws -> Int64 {
        let columns = table(name).columns
        var bindings = PostgresBindings(capacity: columns.count - 1)
        var placeholders: [String] = []
        for index in columns.indices.dropFirst() {
            append(cells[index], to: &bindings)
            placeholders.append(placeholder(placeholders.count + 1, columns[index]))
        }
        let names = columns.dropFirst().map(\.name).joined(separator: ", ")
        let rows = try await connection.run(PostgresQuery(
            unsafeSQL: "INSERT INTO \(name) (\(names)) VALUES (\(placeholders.joined(separator: ", "))) RETURNING id",
            binds: bindings), store)
        guard let id = try await rows.decode(Int64.self).first(where: { _ in true }) else {
            throw PostgresStoreError.refused("\(name) gave no id for the new row")
        }
        return id
    }

    private static func table(_ name: String) -> StoreTable {
        StoreTableLayout.tables.first { $0.name == name }!
    }
}
