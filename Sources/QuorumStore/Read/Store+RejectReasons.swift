import GRDB

extension Store {
    /// The reasons curators have given for rejections, most used first (then most recent),
    /// leaving out the ones an instance rerun writes itself.
    public func rejectReasons(limit: Int = 50) async throws -> [String] {
        try await read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT reason FROM decisions
                WHERE kind = ? AND reason IS NOT NULL AND reason <> '' AND reason NOT LIKE ?
                GROUP BY reason ORDER BY COUNT(*) DESC, MAX(id) DESC LIMIT ?
                """, arguments: [DecisionKind.reject.rawValue, InstanceRerunLink.replacedPrefix + "%", limit])
            var reasons: [String] = []
            while let row = try rows.next() {
                if let reason = row.text(atIndex: 0) { reasons.append(reason) }
            }
            return reasons
        }
    }
}
