// QuorumStore/Copy: A store's rows as backend-neutral values: read from one snapshot, written into an empty store.

import Foundation
import GRDB

extension Store {
    /// Every row of every table, from one read snapshot.
    public func readRows() async throws -> StoreRows {
        try await read { db in
            var rows = StoreRows()
            for table in StoreTableLayout.tables {
                try Self.checkLayout(of: table, db)
                let columns = table.columns.map(\.name).joined(separator: ", ")
                let cursor = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \(table.name) ORDER BY \(table.orderBy)")
                var tableRows: [[StoreCell]] = []
                while let row = try cursor.next() {
                    tableRows.append(table.columns.indices.map { Self.cell(row, $0, table.columns[$0].kind) })
                }
                rows.tables[table.name] = tableRows
            }
            return rows
        }
    }

    /// Writes `rows` into this store in one transaction, keeping their ids; the store must
    /// hold no run yet (a new store), so nothing already stored is mixed with them.
    public func writeRows(_ rows: StoreRows) async throws {
        let path = path
        try await write { transaction in
            let db = transaction.db
            let runs = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? 0
            guard runs == 0 else {
                throw StoreError.refused("the store \(path) already holds data; copy into a new store")
            }
            // items.current_set_id and candidate_sets.item_id refer to each other. While an
            // item names a set not inserted yet, each set inserted looks for the items naming
            // it: without an index on the column, a scan of every item per set (at 100,000
            // items the copy took most of an hour).
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            try db.execute(sql: "CREATE INDEX copy_items_by_current_set ON items(current_set_id)")
            for table in StoreTableLayout.tables {
                let names = table.columns.map(\.name).joined(separator: ", ")
                let placeholders = table.columns.map { $0.kind == .text ? "CAST(? AS TEXT)" : "?" }.joined(separator: ", ")
                let statement = try db.makeStatement(sql: "INSERT INTO \(table.name) (\(names)) VALUES (\(placeholders))")
                for row in rows.rows(of: table.name) {
                    try statement.execute(arguments: StatementArguments(row.map(Self.databaseValue)))
                }
            }
            try db.execute(sql: "DROP INDEX copy_items_by_current_set")
        }
    }

    private static func checkLayout(of table: StoreTable, _ db: Database) throws {
        let stored = try db.columns(in: table.name).map(\.name)
        let known = table.columns.map(\.name)
        guard Set(stored) == Set(known) else {
            let unknown = Set(stored).symmetricDifference(known).sorted().joined(separator: ", ")
            throw StoreError.refused("the copy layout of \(table.name) differs from the store's columns (\(unknown))")
        }
    }

    private static func cell(_ row: Row, _ index: Int, _ kind: StoreColumn.Kind) -> StoreCell {
        if row.hasNull(atIndex: index) { return .null }
        switch kind {
        case .integer: return .integer(row[index])
        case .real: return .real(row[index])
        case .text: return .text(row.text(atIndex: index) ?? "")
        }
    }

    private static func databaseValue(_ cell: StoreCell) -> DatabaseValue {
        switch cell {
        case .null: return .null
        case .integer(let value): return value.databaseValue
        case .real(let value): return value.databaseValue
        case .text(let value): return Data(value.utf8).databaseValue
        }
    }
}
