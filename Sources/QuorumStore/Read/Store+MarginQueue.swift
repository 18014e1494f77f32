import GRDB

/// The order of the review queue.
public enum ReviewOrder: String, Sendable, CaseIterable {
    /// Oldest first (`reviewQueue(after:limit:)`).
    case id
    /// Fragile decisions first: the current set's consensus margin ascending, then id; sets
    /// without a margin (no consensus yet, or discarded) come last.
    case margin
}

/// Where a page of the margin-ordered queue ended: pass it back to get the next page.
public struct ReviewCursor: Sendable, Equatable {
    public var margin: Double
    public var id: Int64

    public static let start = ReviewCursor(margin: -.infinity, id: 0)
}

extension Store {
    /// One page of the items awaiting review (pending or streaming) in `order`, and the cursor
    /// for the next page (`nil` once the queue is exhausted).
    ///
    /// Keyset pagination on (margin, id), so a page costs one pass over the awaiting items,
    /// however deep into the queue it is; decided items are never read (partial index).
    public func reviewQueue(
        orderedBy order: ReviewOrder, after cursor: ReviewCursor = .start, limit: Int = 50
    ) async throws -> (items: [ItemDetail], next: ReviewCursor?) {
        switch order {
        case .id:
            let items = try await reviewQueue(after: cursor.id, limit: limit)
            return (items, items.count < limit ? nil : items.last.map { ReviewCursor(margin: cursor.margin, id: $0.item.id!) })
        case .margin:
            return try await read { db in
                let rows = try Row.fetchAll(
                    db, sql: Self.marginQueueSQL,
                    arguments: [Self.missingMargin, cursor.margin, cursor.id, limit])
                let items = try rows.map { try Item(row: $0) }
                let details = try Self.details(of: items, db)
                let next = rows.last.map { ReviewCursor(margin: $0["sort_margin"], id: $0["id"]) }
                return (details, rows.count < limit ? nil : next)
            }
        }
    }

    /// The sort key given to items whose set has no margin: after every real margin.
    static let missingMargin = Double.greatestFiniteMagnitude

    static let marginQueueSQL = """
        SELECT * FROM (
            SELECT i.*, COALESCE(s.consensus_margin, ?) AS sort_margin
            FROM items i INDEXED BY items_awaiting_review
            LEFT JOIN candidate_sets s ON s.id = i.current_set_id
            WHERE i.status IN ('pending', 'streaming')
        )
        WHERE (sort_margin, id) > (?, ?)
        ORDER BY sort_margin, id LIMIT ?
        """
}
