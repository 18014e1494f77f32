import GRDB

/// An item as the queue lists it: no input, no candidates, the instruction's beginning only.
public struct QueueListing: Sendable, Equatable {
    public var itemID: Int64
    public var status: ItemStatus
    public var type: ItemType
    /// The instruction's first `QueueListing.headLength` characters.
    public var instructionHead: String
    /// The consensus margin of the item's current set, when it has one.
    public var margin: Double?
    /// The fragility of the item's current set's consensus, when it has one.
    public var fragility: Double?

    /// Enough of the instruction for any queue row's summary.
    public static let headLength = 1_000

    public init(
        itemID: Int64, status: ItemStatus, type: ItemType, instructionHead: String, margin: Double?, fragility: Double? = nil
    ) {
        self.itemID = itemID
        self.status = status
        self.type = type
        self.instructionHead = instructionHead
        self.margin = margin
        self.fragility = fragility
    }

    public init(_ detail: ItemDetail) {
        self.init(
            itemID: detail.item.id ?? 0, status: detail.item.status, type: detail.item.type,
            instructionHead: String(detail.item.instruction.prefix(Self.headLength)),
            margin: detail.candidateSet.consensusMargin, fragility: detail.candidateSet.consensus?.fragility)
    }
}

/// What one scan of the queue found.
public struct QueueListingPage: Sendable, Equatable {
    /// The rows that matched, in the selection's order.
    public var rows: [QueueListing]
    /// The key the scan reached: the last row's, or beyond it when a search skipped rows.
    public var scannedThrough: ReviewCursor
    /// Nothing sorts after `scannedThrough`.
    public var isLast: Bool
}

extension ReviewOrder {
    public func key(of listing: QueueListing) -> ReviewCursor {
        switch self {
        case .id: return .id(listing.itemID)
        case .fragility: return .fragility(listing.fragility, id: listing.itemID)
        }
    }
}

extension QueueListing: FetchableRecord {
    public init(row: Row) throws {
        self.init(
            itemID: row[Item.Columns.id], status: try row.decodedEnum(Item.Columns.status, of: Item.databaseTableName),
            type: try row.decodedEnum(Item.Columns.type, of: Item.databaseTableName), instructionHead: row.text(named: "head") ?? "",
            margin: row[Item.Columns.margin], fragility: row[Item.Columns.fragility])
    }
}
