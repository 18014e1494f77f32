import GRDB

/// Which items a page of the workbench's queue is read from, and in which order.
public struct QueueSelection: Sendable, Hashable {
    public var statuses: [ItemStatus]
    public var order: ReviewOrder
    /// Only these items (a spot-check's sample); nil for the whole store.
    public var itemIDs: [Int64]?

    public init(statuses: [ItemStatus], order: ReviewOrder = .id, itemIDs: [Int64]? = nil) {
        self.statuses = statuses
        self.order = order
        self.itemIDs = itemIDs
    }

    var isAwaitingReview: Bool { Set(statuses) == Set(ItemStatus.awaitingReview) }
}

extension Store {
    /// Up to `limit` items of `selection` sorting after `cursor` (see `ReviewOrder.key(of:)`).
    ///
    /// Keyset pagination that reads about one page of rows however deep the page is and
    /// however large the store: id order walks the items' primary key (or the partial index
    /// of the items awaiting review); margin order walks `candidate_sets_by_margin`, joining
    /// each set to its item when it is the item's current set, then the items whose set has
    /// no margin, by id. A fixed set of items is read whole and sorted: it is a sample.
    public func queuePage(_ selection: QueueSelection, after cursor: ReviewCursor, limit: Int) async throws -> [ItemDetail] {
        let statuses = selection.statuses.map(\.rawValue)
        return try await read { db in
            let items: [Item]
            switch (selection.order, selection.itemIDs) {
            case (.id, nil) where selection.isAwaitingReview:
                items = try Item.fetchAll(db, sql: Self.reviewQueueSQL, arguments: [cursor.id, limit])
            case (.id, let ids):
                items = try Item.fetchAll(
                    db, sql: Self.idPageSQL(statuses.count, scoped: ids != nil),
                    arguments: StatementArguments(statuses) + Self.scope(ids) + [cursor.id, limit])
            case (.margin, let ids?):
                items = try Item.fetchAll(
                    db, sql: Self.sortedScopePageSQL(statuses.count),
                    arguments: [Self.missingMargin] + StatementArguments(statuses) + Self.scope(ids)
                        + [cursor.margin, cursor.id, limit])
            case (.margin, nil):
                var found: [Item] = []
                if cursor.margin < Self.missingMargin {
                    found = try Item.fetchAll(
                        db, sql: Self.marginPageSQL(statuses.count),
                        arguments: [cursor.margin, cursor.id] + StatementArguments(statuses) + [limit])
                }
                if found.count < limit {
                    let after = cursor.margin < Self.missingMargin ? 0 : cursor.id
                    found += try Item.fetchAll(
                        db, sql: Self.noMarginPageSQL(statuses.count),
                        arguments: StatementArguments(statuses) + [after, limit - found.count])
                }
                items = found
            }
            return try Self.details(of: items, db)
        }
    }

    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    private static func scope(_ ids: [Int64]?) -> StatementArguments {
        guard let ids else { return [] }
        return ["[" + ids.map(String.init).joined(separator: ",") + "]"]
    }

    static func idPageSQL(_ statuses: Int, scoped: Bool) -> String {
        """
        SELECT * FROM items WHERE status IN (\(placeholders(statuses)))
        \(scoped ? "AND id IN (SELECT value FROM json_each(?))" : "") AND id > ? ORDER BY id LIMIT ?
        """
    }

    /// The sets with a margin, in the index's (margin, item id) order: no sort, and only the
    /// sets of items that are filtered out are skipped on the way.
    static func marginPageSQL(_ statuses: Int) -> String {
        """
        SELECT i.* FROM candidate_sets s INDEXED BY candidate_sets_by_margin
        JOIN items i ON i.id = s.item_id AND i.current_set_id = s.id
        WHERE s.consensus_margin IS NOT NULL AND (s.consensus_margin, s.item_id) > (?, ?)
            AND i.status IN (\(placeholders(statuses)))
        ORDER BY s.consensus_margin, s.item_id LIMIT ?
        """
    }

    /// The items whose current set has no margin (still streaming, or no set), by id: the
    /// tail of the margin order.
    static func noMarginPageSQL(_ statuses: Int) -> String {
        """
        SELECT i.* FROM items i LEFT JOIN candidate_sets s ON s.id = i.current_set_id
        WHERE s.consensus_margin IS NULL AND i.status IN (\(placeholders(statuses))) AND i.id > ?
        ORDER BY i.id LIMIT ?
        """
    }

    static func sortedScopePageSQL(_ statuses: Int) -> String {
        """
        SELECT * FROM (
            SELECT i.*, COALESCE(s.consensus_margin, ?) AS sort_margin
            FROM items i LEFT JOIN candidate_sets s ON s.id = i.current_set_id
            WHERE i.status IN (\(placeholders(statuses))) AND i.id IN (SELECT value FROM json_each(?))
        )
        WHERE (sort_margin, id) > (?, ?)
        ORDER BY sort_margin, id LIMIT ?
        """
    }
}
