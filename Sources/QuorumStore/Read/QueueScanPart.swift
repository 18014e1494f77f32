import GRDB

/// One ordered query of the queue, read a window at a time.
struct QueueScanPart {
    static let columns = """
        i.id, i.status, i.type, i.instruction, i.input, i.current_set_id, i.margin
        """

    var order: ReviewOrder
    /// Ordered, without a limit; besides `columns`, a `sort_margin` column.
    var sql: String
    var arguments: StatementArguments

    private var sortColumns: String { order == .id ? "id" : "sort_margin, id" }

    private func windowed(_ window: Int) -> (sql: String, arguments: StatementArguments) {
        ("WITH scanned AS (\(sql) LIMIT ?)", arguments + [window])
    }

    /// The rows of the next `window` that `search` matches, at most `limit`.
    func matches(_ search: TextSearch?, window: Int, limit: Int, _ db: Database) throws -> [QueueListing] {
        var (sql, arguments) = windowed(window)
        let condition = search?.condition(on: "scanned")
        sql += """
             SELECT id, status, type, substr(instruction, 1, \(QueueListing.headLength)) AS head, margin
            FROM scanned \(condition.map { "WHERE " + $0.sql } ?? "") ORDER BY \(sortColumns) LIMIT ?
            """
        arguments += (condition?.arguments ?? []) + [limit]
        return try QueueListing.fetchAll(db, sql: sql, arguments: arguments)
    }

    /// How many rows the next `window` holds, and the key of its last.
    func scanned(window: Int, _ db: Database) throws -> (count: Int, last: ReviewCursor?) {
        let (sql, arguments) = windowed(window)
        let descending = order == .id ? "id DESC" : "sort_margin DESC, id DESC"
        guard let row = try Row.fetchOne(db, sql: sql + """
             SELECT id, sort_margin, (SELECT count(*) FROM scanned) AS count FROM scanned ORDER BY \(descending) LIMIT 1
            """, arguments: arguments)
        else { return (0, nil) }
        let id: Int64 = row["id"]
        let last = order == .id ? ReviewCursor.id(id) : ReviewCursor(margin: row["sort_margin"] ?? Store.missingMargin, id: id)
        return (row["count"], last)
    }
}
