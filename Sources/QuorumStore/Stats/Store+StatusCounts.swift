import GRDB

extension Store {
    /// How many items are in each status, every status present (zeros included). One pass
    /// over the `items_by_status` index, without touching the rows: milliseconds where
    /// `stats()` takes seconds, so the workbench's status bar can ask for it at will.
    public func countsByStatus() async throws -> [ItemStatus: Int] {
        try await read { db in
            var counts = Dictionary(uniqueKeysWithValues: ItemStatus.allCases.map { ($0, 0) })
            for row in try Row.fetchAll(db, sql: Self.countsByStatusSQL) {
                guard let status = ItemStatus(rawValue: row[0]) else { continue }
                counts[status] = row[1]
            }
            return counts
        }
    }

    /// Accepted items whose every decision is the automatic curator's (`generate
    /// --auto-accept`): reviewed, but by no human.
    public func autoAcceptedCount() async throws -> Int {
        try await read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM items i INDEXED BY items_by_status
                WHERE i.status = 'accepted'
                    AND EXISTS (SELECT 1 FROM decisions d WHERE d.item_id = i.id AND d.curator = ?)
                    AND NOT EXISTS (SELECT 1 FROM decisions h WHERE h.item_id = i.id AND h.curator <> ?)
                """, arguments: [Self.autoCurator, Self.autoCurator]) ?? 0
        }
    }

    static let countsByStatusSQL = "SELECT status, COUNT(*) FROM items INDEXED BY items_by_status GROUP BY status"
}
