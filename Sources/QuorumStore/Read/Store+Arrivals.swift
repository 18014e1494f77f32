import GRDB

extension Store {
    /// The largest item id in the store (0 when empty): one step down the primary key, what
    /// the workbench polls to see items another process (a headless `quorum generate`) commits.
    public func latestItemID() async throws -> Int64 {
        try await read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM items") ?? 0 }
    }

    /// The largest decision id in the store (0 when none).
    public func latestDecisionID() async throws -> Int64 {
        try await read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM decisions") ?? 0 }
    }
}

extension Store {
    /// The item of `curator`'s latest decision (an undo aside), where the workbench resumes.
    public func lastItemDecided(by curator: String) async throws -> Int64? {
        try await read { db in
            try Int64.fetchOne(db, sql: """
                SELECT item_id FROM decisions WHERE curator = CAST(? AS TEXT) AND kind <> 'undo' ORDER BY id DESC LIMIT 1
                """, arguments: [textArgument(curator)])
        }
    }
}
