import GRDB

extension Store {
    /// The drops of every run, or of `runID` alone.
    public func filterDrops(runID: Int64? = nil) async throws -> [FilterDropCount] {
        try await read { db in try Self.filterDrops(db, runID: runID) }
    }

    /// Per stage (instructions first), the most frequent reason first.
    static func filterDrops(_ db: Database, runID: Int64? = nil) throws -> [FilterDropCount] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT stage, reason, SUM(count) AS total FROM filter_drops
                WHERE ?1 IS NULL OR run_id = ?1
                GROUP BY stage, reason
                """,
            arguments: [runID])
        return FilterDropCount.reportOrder(rows.compactMap { row -> FilterDropCount? in
            guard let stage = FilterStage(rawValue: row["stage"]) else { return nil }
            return FilterDropCount(stage: stage, reason: row["reason"], count: row["total"])
        })
    }
}
