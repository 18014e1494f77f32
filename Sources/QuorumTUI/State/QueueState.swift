import QuorumStore

/// One stored item as the queue lists it: little enough to keep for every row ever loaded.
public struct QueueRow: Sendable, Equatable {
    public var itemID: Int64
    public var status: ItemStatus
    public var type: ItemType
    /// The instruction's first line, cut short.
    public var summary: String
    /// A decision on this item is being written.
    public var isWriting = false

    public static let summaryLength = 240

    public init(itemID: Int64, status: ItemStatus, type: ItemType, summary: String) {
        self.itemID = itemID
        self.status = status
        self.type = type
        self.summary = summary
    }

    public init(_ detail: ItemDetail) {
        self.init(
            itemID: detail.item.id ?? 0, status: detail.item.status, type: detail.item.type,
            summary: String(SafeText(detail.item.instruction).firstLine.prefix(Self.summaryLength)))
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
/// the whole store), then the live items, and a cursor over both.
public struct QueueState: Sendable, Equatable {
    public var query = QueueQuery()
    public var rows: [QueueRow] = []
    public var cursor = 0
    /// First entry shown in the pane.
    public var top = 0
    /// The last item id the store has been read up to, for the next page.
    public var loadedThrough: Int64 = 0
    public var isExhausted = false
    public var isLoading = false
    /// Bumped whenever the query changes, so that pages of an older query are ignored.
    public var generation = 0

    public init() {}

    /// The row of `itemID`; rows are in ascending id order (pages, then arrivals).
    public func rowIndex(of itemID: Int64) -> Int? {
        var low = 0
        var high = rows.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let id = rows[middle].itemID
            if id == itemID { return middle }
            if id < itemID { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }
}
