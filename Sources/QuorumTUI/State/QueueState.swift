import QuorumStore

/// One stored item as the queue lists it: little enough to keep for every row ever loaded.
public struct QueueRow: Sendable, Equatable {
    public var itemID: Int64
    public var status: ItemStatus
    public var type: ItemType
    /// The instruction's first line, cut short.
    public var summary: String
    /// Where the row sorts in its query's order (fixed when it is loaded).
    public var sortKey: ReviewCursor
    /// The fragility of the item's current set's consensus, when it has one.
    public var fragility: Double?
    /// A decision on this item is being written.
    public var isWriting = false

    public static let summaryLength = 240

    public init(itemID: Int64, status: ItemStatus, type: ItemType, summary: String, sortKey: ReviewCursor? = nil, fragility: Double? = nil) {
        self.itemID = itemID
        self.status = status
        self.type = type
        self.summary = summary
        self.sortKey = sortKey ?? .id(itemID)
        self.fragility = fragility
    }

    public init(_ listing: QueueListing, order: ReviewOrder = .id) {
        self.init(
            itemID: listing.itemID, status: listing.status, type: listing.type,
            summary: String(SafeText(listing.instructionHead).firstLine.prefix(Self.summaryLength)),
            sortKey: order.key(of: listing), fragility: listing.fragility)
    }

    public init(_ detail: ItemDetail, order: ReviewOrder = .id) {
        self.init(QueueListing(detail), order: order)
    }
}

/// A row of the queue: a stored item, or an item the engine is still generating.
public enum QueueEntry: Sendable, Equatable {
    case stored(QueueRow)
    case live(LiveItem)

    public var itemID: Int64? {
        if case .stored(let row) = self { return row.itemID }
        return nil
    }
}

/// The queue: pages of rows loaded from the store as the cursor nears their end (never
/// the whole store), then the live items, and a cursor over both. Rows stay sorted by their
/// `sortKey` (the query's order), pages and arrivals alike.
public struct QueueState: Sendable, Equatable {
    public var query = QueueQuery()
    public private(set) var rows: [QueueRow] = []
    /// Each row's index, by item id.
    private var indexByID: [Int64: Int] = [:]
    public var cursor = 0
    /// First entry shown in the pane.
    public var top = 0
    /// The key of the last row the store has been read up to, for the next page.
    public var loadedThrough = ReviewCursor.start
    public var isExhausted = false
    public var isLoading = false
    /// Bumped whenever the query changes, so that pages of an older query are ignored.
    public var generation = 0
    /// The largest item id listed, for the width of the id column.
    public private(set) var largestItemID: Int64 = 0
    /// Items skipped this session, by when: they sort after every other row, in that order,
    /// under any query.
    public private(set) var deferrals: [Int64: Int] = [:]
    /// Where the curator left off last time (their latest decision's item, and its key in
    /// this order): the first pages put the cursor just after it, then this is cleared.
    public var resume: ResumePoint?

    public init() {}

    public func rowIndex(of itemID: Int64) -> Int? {
        indexByID[itemID]
    }

    /// Adds a row where its key sorts; returns its index, or nil when the item is listed already.
    @discardableResult
    public mutating func insert(_ row: QueueRow) -> Int? {
        guard indexByID[row.itemID] == nil else { return nil }
        largestItemID = max(largestItemID, row.itemID)
        if rows.last.map({ sorts($0, before: row) }) ?? true {
            rows.append(row)
            indexByID[row.itemID] = rows.count - 1
            return rows.count - 1
        }
        var low = 0
        var high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if sorts(rows[middle], before: row) { low = middle + 1 } else { high = middle }
        }
        rows.insert(row, at: low)
        for index in low..<rows.count { indexByID[rows[index].itemID] = index }
        return low
    }

    /// Moves `itemID`'s row after every other, behind the items skipped before it.
    public mutating func deferToEnd(_ itemID: Int64) {
        deferrals[itemID] = (deferrals.values.max() ?? -1) + 1
        guard let index = indexByID[itemID] else { return }
        let row = rows.remove(at: index)
        indexByID[itemID] = nil
        for later in index..<rows.count { indexByID[rows[later].itemID] = later }
        insert(row)
    }

    /// A fresh queue for `query` that keeps this session's skips.
    public func restarted(with query: QueueQuery) -> QueueState {
        var fresh = QueueState()
        fresh.query = query
        fresh.deferrals = deferrals
        return fresh
    }

    private func sorts(_ row: QueueRow, before other: QueueRow) -> Bool {
        switch (deferrals[row.itemID], deferrals[other.itemID]) {
        case (nil, nil): return row.sortKey < other.sortKey
        case (nil, _?): return true
        case (_?, nil): return false
        case (let first?, let second?): return first < second
        }
    }

    /// Changes the row of `itemID`, if it is listed (its key stays).
    public mutating func updateRow(_ itemID: Int64, _ change: (inout QueueRow) -> Void) {
        guard let index = indexByID[itemID] else { return }
        let key = rows[index].sortKey
        change(&rows[index])
        rows[index].itemID = itemID
        rows[index].sortKey = key
    }
}

/// The item a curator decided last, and where it sorts in the queue's order.
public struct ResumePoint: Sendable, Equatable {
    public var itemID: Int64
    public var key: ReviewCursor

    public init(itemID: Int64, key: ReviewCursor) {
        self.itemID = itemID
        self.key = key
    }
}
