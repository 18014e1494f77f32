import GRDB

/// A run with how many items it has produced so far.
public struct RunProgress: Sendable, Equatable {
    public var run: Run
    public var itemCount: Int
}

extension Store {
    /// Every item's type and instruction, oldest first: the machine part of the novelty pools.
    public func instructionsByType() async throws -> [(ItemType, String)] {
        try await read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT type, instruction FROM items ORDER BY id")
            var result: [(ItemType, String)] = []
            while let row = try rows.next() {
                guard let type = ItemType(rawValue: row["type"]) else { continue }
                result.append((type, row.text(atIndex: 1) ?? ""))
            }
            return result
        }
    }

    /// Runs made by `source`, newest first, each with its item count.
    public func runs(source: String) async throws -> [RunProgress] {
        try await read { db in
            let runs = try Run.filter(Column("source") == source).order(Column("id").desc).fetchAll(db)
            return try runs.map { run in
                let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM items WHERE run_id = ?", arguments: [run.id]) ?? 0
                return RunProgress(run: run, itemCount: count)
            }
        }
    }
}

extension Store {
    /// The run's items in id order, each with whether the engine has finished it (its
    /// consensus is in): what a feed into a team's store copies, in order.
    public func itemsOfRun(_ runID: Int64) async throws -> [(id: Int64, finished: Bool)] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT id, status FROM items WHERE run_id = ? ORDER BY id", arguments: [runID]).map {
                (id: $0["id"], finished: ($0["status"] as String) != ItemStatus.streaming.rawValue)
            }
        }
    }
}
