import GRDB

/// One ordered query of the queue, read a window at a time.
struct QueueScanPart {
    static let columns = """
        i.id, i.status, i.type, i.instruction, i.input, i.current_set_id, i.margin, i.fragility, i.run_id, i.chosen, i.contested
        """

    var order: ReviewOrder
    /// Ordered, without a limit; besides `columns`, a `sort_rank` column (see `ReviewCursor.rank`).
    var sql: String
    var arguments: StatementArguments

    private var sortColumns: String { order == .id ? "id" : "sort_rank, id" }

    private func windowed(_ window: Int) -> (sql: String, arguments: StatementArguments) {
        ("WITH scanned AS (\(sql) LIMIT ?)", arguments + [window])
    }

    /// The rows of the next `window` that `condition` (on `scanned`) passes, at most `limit`.
    func matches(
        _ condition: (sql: String, arguments: StatementArguments)?, window: Int, limit: Int, _ db: Database
    ) throws -> [QueueListing] {
        var (sql, arguments) = windowed(window)
        sql += """
             SELECT id, status, type, substr(instruction, 1, \(QueueListing.headLength)) AS head, margin, fragility
            FROM scanned \(condition.map { "WHERE " + $0.sql } ?? "") ORDER BY \(sortColumns) LIMIT ?
            """
        arguments += (condition?.arguments ?? []) + [limit]
        return try QueueListing.fetchAll(db, sql: sql, arguments: arguments)
    }

    /// How many rows the next `window` holds, and the key of its last.
    func scanned(window: Int, _ db: Database) throws -> (count: Int, last: ReviewCursor?) {
        let (sql, arguments) = windowed(window)
        let descending = order == .id ? "id DESC" : "sort_rank DESC, id DESC"
        guard let row = try Row.fetchOne(db, sql: sql + """
             SELECT id, sort_rank, (SELECT count(*) FROM scanned) AS count FROM scanned ORDER BY \(descending) LIMIT 1
            """, arguments: arguments)
        else { return (0, nil) }
        let id: Int64 = row["id"]
        let last = order == .id ? ReviewCursor.id(id) : ReviewCursor(rank: row["sort_rank"] ?? Store.missingRank, id: id)
        return (row["count"], last)
    }
}
