import Foundation
import GRDB

extension Store {
    /// Every row of every table, from one read snapshot.
    public func readRows() async throws -> StoreRows {
        try await readRows { _ in nil }
    }

    /// The rows of `itemIDs` (their sets, candidates, decisions and skips) and of their runs,
    /// from one read snapshot: what a feed of a run's finished items carries.
    public func readRows(items itemIDs: [Int64]) async throws -> StoreRows {
        guard !itemIDs.isEmpty else { return StoreRows() }
        let items = itemIDs.map(String.init).joined(separator: ", ")
        return try await readRows { table in
            switch table.name {
            case "runs": return "id IN (SELECT run_id FROM items WHERE id IN (\(items)))"
            case "filter_drops": return "run_id IN (SELECT run_id FROM items WHERE id IN (\(items)))"
            default: return StoreTableLayout.condition(ofItems: items, in: table)
            }
        }
    }

    /// The rows of every table, or of those rows `condition` names a WHERE clause for.
    private func readRows(where condition: @escaping @Sendable (StoreTable) -> String?) async throws -> StoreRows {
        try await read { db in
            var rows = StoreRows()
            for table in StoreTableLayout.tables {
                try Self.checkLayout(of: table, db)
                let columns = table.columns.map(\.name).joined(separator: ", ")
                let filter = condition(table).map { " WHERE " + $0 } ?? ""
                let cursor = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \(table.name)\(filter) ORDER BY \(table.orderBy)")
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
            // items.current_set_id and candidate_sets.item_id refer to each other
            // (`StoreTableLayout.insertionOrder` says why the sets come first).
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            for table in StoreTableLayout.insertionOrder {
                let statement = try db.makeStatement(sql: Self.insertSQL(table))
                for row in rows.rows(of: table.name) {
                    try statement.execute(arguments: StatementArguments(row.map(Self.databaseValue)))
                }
            }
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
        case .integer, .flag: return .integer(row[index])
        case .real: return .real(row[index])
        case .text: return .text(row.text(atIndex: index) ?? "")
        }
    }

    /// One row's INSERT, its text cells bound as text (they arrive as UTF-8 bytes).
    static func insertSQL(_ table: StoreTable) -> String {
        let names = table.columns.map(\.name).joined(separator: ", ")
        let placeholders = table.columns.map { $0.kind == .text ? "CAST(? AS TEXT)" : "?" }.joined(separator: ", ")
        return "INSERT INTO \(table.name) (\(names)) VALUES (\(placeholders))"
    }

    static func databaseValue(_ cell: StoreCell) -> DatabaseValue {
        switch cell {
        case .null: return .null
        case .integer(let value): return value.databaseValue
        case .real(let value): return value.databaseValue
        case .text(let value): return Data(value.utf8).databaseValue
        }
    }
}
