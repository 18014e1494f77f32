import GRDB

extension Store {
    /// This store's `ItemMarks`, from one snapshot.
    public func itemMarks() async throws -> ItemMarks {
        try await read { db in
            var decisions: [Int64: ItemMarks.Log] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT item_id, COUNT(*), MAX(id) FROM decisions GROUP BY item_id") {
                decisions[row[0]] = ItemMarks.Log(count: row[1], newest: row[2])
            }
            var skips: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT item_id, COUNT(*) FROM skips GROUP BY item_id") {
                skips[row[0]] = row[1]
            }
            let latest = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM items") ?? 0
            return ItemMarks(latestItemID: latest, decisions: decisions, skips: skips)
        }
    }
}
