import GRDB

extension StoreTransaction {
    /// Adds `counts` to the run's tally of dropped instructions and instances.
    public func recordFilterDrops(_ counts: [FilterDropKey: Int], runID: Int64) throws {
        try atomically {
            for (key, count) in counts where count > 0 {
                try db.execute(
                    sql: """
                        INSERT INTO filter_drops (run_id, stage, reason, count) VALUES (?, ?, ?, ?)
                        ON CONFLICT (run_id, stage, reason) DO UPDATE SET count = count + excluded.count
                        """,
                    arguments: [runID, key.stage.rawValue, key.reason, count])
            }
        }
    }
}
