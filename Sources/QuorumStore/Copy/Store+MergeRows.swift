import GRDB

extension Store {
    /// Writes `rows` over this store's rows of the same keys, in one transaction: a local copy
    /// of another store kept current (the workbench's mirror of a team's PostgreSQL store).
    /// The logs (decisions, skips) only grow, so their rows are added when new; an item's row is
    /// left alone when the copy already holds a decision on it newer than any in `rows`, so a
    /// read taken earlier and merged later never takes an item back.
    public func merge(_ rows: StoreRows) async throws {
        try await write { transaction in
            let db = transaction.db
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            let newest = Self.newestDecisions(in: rows)
            for table in StoreTableLayout.insertionOrder {
                let tableRows = rows.rows(of: table.name)
                guard !tableRows.isEmpty else { continue }
                let statement = try db.makeStatement(sql: Self.mergeSQL(table))
                let isItems = table.name == "items"
                let stored = isItems ? try Self.storedNewestDecisions(of: tableRows, db) : [:]
                for row in tableRows {
                    if isItems, case .integer(let id)? = row.first, let mine = stored[id], mine > newest[id, default: 0] {
                        continue
                    }
                    try statement.execute(arguments: StatementArguments(row.map(Self.databaseValue)))
                }
            }
        }
    }

    private static func mergeSQL(_ table: StoreTable) -> String {
        let names = table.columns.map(\.name)
        let insert = insertSQL(table)
        switch table.name {
        case "decisions", "skips":
            return insert + " ON CONFLICT DO NOTHING"
        case "filter_drops":
            return insert + " ON CONFLICT (run_id, stage, reason) DO UPDATE SET count = excluded.count"
        default:
            let updates = names.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
            return insert + " ON CONFLICT (id) DO UPDATE SET \(updates)"
        }
    }

    /// The largest decision id of each item in `rows`.
    private static func newestDecisions(in rows: StoreRows) -> [Int64: Int64] {
        var newest: [Int64: Int64] = [:]
        for row in rows.rows(of: "decisions") {
            guard case .integer(let id) = row[0], case .integer(let itemID) = row[1] else { continue }
            newest[itemID] = max(newest[itemID, default: 0], id)
        }
        return newest
    }

    private static func storedNewestDecisions(of items: [[StoreCell]], _ db: Database) throws -> [Int64: Int64] {
        let ids = items.compactMap { row -> Int64? in
            if case .integer(let id)? = row.first { return id }
            return nil
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT item_id, MAX(id) AS newest FROM decisions WHERE item_id IN (SELECT value FROM json_each(?)) GROUP BY item_id
            """, arguments: [jsonIDList(ids)])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["item_id"] as Int64, $0["newest"] as Int64) })
    }
}
