import GRDB
import QuorumCore

/// Which items a page of the workbench's queue is read from, and in which order.
public struct QueueSelection: Sendable, Hashable {
    public var statuses: [ItemStatus]
    public var order: ReviewOrder
    /// Only these items (a spot-check's sample); nil for the whole store.
    public var itemIDs: [Int64]?
    /// Only the items this filter passes (on top of `statuses`); nil for no filter.
    public var filter: FilterExpression?

    public init(statuses: [ItemStatus], order: ReviewOrder = .id, itemIDs: [Int64]? = nil, filter: FilterExpression? = nil) {
        self.statuses = statuses
        self.order = order
        self.itemIDs = itemIDs
        self.filter = filter
    }

    var isAwaitingReview: Bool { Set(statuses) == Set(ItemStatus.awaitingReview) }
}

extension Store {
    /// The queue's rows after `cursor` (see `ReviewOrder.key(of:)`): the next `window` items of
    /// `selection` are scanned and up to `limit` of those `search` and the selection's filter
    /// match are listed.
    ///
    /// Keyset pagination that reads about one window of rows however deep the page is and
    /// however large the store: id order walks the items' primary key (or the partial index
    /// of the items awaiting review); fragility order walks `items_by_status_fragility`, the
    /// items with a fragility, then those without one (by id). A fixed set of items is read whole and sorted: it is a sample.
    /// A search or filter reads the whole window (its matches are sorted before the limit
    /// applies), so the caller sizes the window: about a page when matches are dense, more
    /// when they are not.
    public func queueListing(
        _ selection: QueueSelection, matching search: TextSearch? = nil, after cursor: ReviewCursor,
        scanning window: Int, limit: Int
    ) async throws -> QueueListingPage {
        try await read { db in try Self.listing(selection, search, after: cursor, window: window, limit: limit, db) }
    }

    /// Up to `limit` items of `selection` after `cursor`, with their candidates.
    public func queuePage(_ selection: QueueSelection, after cursor: ReviewCursor, limit: Int) async throws -> [ItemDetail] {
        try await read { db in
            let listed = try Self.listing(selection, nil, after: cursor, window: selection.filter == nil ? limit : .max, limit: limit, db).rows
            let items = Dictionary(uniqueKeysWithValues: try Item.fetchAll(db, keys: listed.map(\.itemID)).map { ($0.id!, $0) })
            return try Self.details(of: listed.compactMap { items[$0.itemID] }, db)
        }
    }

    private static func listing(
        _ selection: QueueSelection, _ search: TextSearch?, after cursor: ReviewCursor, window: Int, limit: Int,
        _ db: Database
    ) throws -> QueueListingPage {
        var rows: [QueueListing] = []
        var scannedThrough = cursor
        var scanned = 0
        let condition = Self.condition(search, selection.filter)
        for part in scanParts(selection, after: cursor) {
            let partWindow = window - scanned
            let found = try part.matches(condition, window: partWindow, limit: limit - rows.count, db)
            rows += found
            if rows.count == limit {
                return QueueListingPage(rows: rows, scannedThrough: selection.order.key(of: rows.last!), isLast: false)
            }
            let (count, last) = condition == nil
                ? (found.count, found.last.map(selection.order.key(of:)))
                : try part.scanned(window: partWindow, db)
            scanned += count
            if let last { scannedThrough = last }
            if count == partWindow {
                return QueueListingPage(rows: rows, scannedThrough: scannedThrough, isLast: false)
            }
        }
        return QueueListingPage(rows: rows, scannedThrough: scannedThrough, isLast: true)
    }

    /// The search and the filter as one condition on the scanned rows; nil when neither is set.
    private static func condition(
        _ search: TextSearch?, _ filter: FilterExpression?
    ) -> (sql: String, arguments: StatementArguments)? {
        let parts = [search?.condition(on: "scanned"), filter.map(FilterSQL(alias: "scanned").condition)].compactMap { $0 }
        guard !parts.isEmpty else { return nil }
        return (parts.map(\.sql).joined(separator: " AND "), parts.reduce(into: StatementArguments()) { $0 += $1.arguments })
    }

    /// The queries that list `selection` after `cursor`, one after the other.
    static func scanParts(_ selection: QueueSelection, after cursor: ReviewCursor) -> [QueueScanPart] {
        let columns = QueueScanPart.columns
        switch (selection.order, selection.itemIDs) {
        case (.id, let ids):
            let items = itemsInIDOrder(selection)
            return [QueueScanPart(order: .id, sql: """
                SELECT \(columns), NULL AS sort_rank FROM \(items.source)
                WHERE \(items.condition) \(ids == nil ? "" : "AND i.id IN (SELECT value FROM json_each(?))")
                    AND i.id > ? ORDER BY i.id
                """, arguments: scope(ids) + [cursor.id])]
        case (.fragility, let ids?):
            let items = itemsInIDOrder(selection)
            return [QueueScanPart(order: .fragility, sql: """
                SELECT * FROM (
                    SELECT \(columns), COALESCE(-i.fragility, ?) AS sort_rank FROM items i
                    WHERE \(items.condition) AND i.id IN (SELECT value FROM json_each(?))
                )
                WHERE (sort_rank, id) > (?, ?) ORDER BY sort_rank, id
                """, arguments: [missingRank] + scope(ids) + [cursor.rank, cursor.id])]
        case (.fragility, nil):
            // Each status's range of items_by_status_fragility is in (fragility descending, id)
            // order; SQLite merges the ranges of a compound SELECT ordered like them, and stops
            // at the limit.
            func merged(_ range: String, _ arguments: StatementArguments, sortRank: String, orderBy: String) -> QueueScanPart {
                let arms = selection.statuses.map { status in
                    "SELECT \(columns), \(sortRank) AS sort_rank FROM items i INDEXED BY items_by_status_fragility "
                        + "WHERE i.status = '\(status.rawValue)' AND \(range)"
                }
                let sql = arms.isEmpty
                    ? "SELECT \(columns), NULL AS sort_rank FROM items i WHERE 0"
                    : arms.joined(separator: "\nUNION ALL\n") + "\nORDER BY \(orderBy)"
                var repeated: StatementArguments = []
                for _ in arms { repeated += arguments }
                return QueueScanPart(order: .fragility, sql: sql, arguments: repeated)
            }
            // The rest of the cursor's fragility is read first, then the smaller fragilities.
            var parts: [QueueScanPart] = []
            if cursor.rank < missingRank {
                let range: String
                let arguments: StatementArguments
                if cursor.rank > -.infinity {
                    parts.append(merged("i.fragility = ? AND i.id > ?", [-cursor.rank, cursor.id],
                                        sortRank: "-i.fragility", orderBy: "id"))
                    (range, arguments) = ("i.fragility < ?", [-cursor.rank])
                } else {
                    (range, arguments) = ("i.fragility IS NOT NULL", [])
                }
                parts.append(merged(range, arguments, sortRank: "-i.fragility", orderBy: "fragility DESC, id"))
            }
            // The items without a fragility come last, by id (NULLs sort last in the index).
            let after = cursor.rank < missingRank ? 0 : cursor.id
            parts.append(merged("i.fragility IS NULL AND i.id > ?", [after], sortRank: "NULL", orderBy: "id"))
            return parts
        }
    }

    /// How to read the items of `selection`'s statuses (as `i`) in id order without sorting
    /// them: the items awaiting review through their partial index (its condition written as
    /// the index's, with the statuses inline, so SQLite can use it); one status through its
    /// (status, id) index; several (the filter "all") by walking the items, as SQLite's plan
    /// for an IN list on that index sorts every item of those statuses.
    static func itemsInIDOrder(_ selection: QueueSelection) -> (source: String, condition: String) {
        if selection.isAwaitingReview {
            return ("items i INDEXED BY items_awaiting_review", "i.status IN ('pending', 'streaming')")
        }
        let condition = "i.status IN (" + selection.statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
        return (selection.statuses.count == 1 ? "items i" : "items i NOT INDEXED", condition)
    }

    private static func scope(_ ids: [Int64]?) -> StatementArguments {
        guard let ids else { return [] }
        return [jsonIDList(ids)]
    }
}
