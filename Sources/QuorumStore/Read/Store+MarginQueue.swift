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
/// Cursors compare as the queue sorts: by margin, then id.
public struct ReviewCursor: Sendable, Hashable, Comparable {
    public var margin: Double
    public var id: Int64

    public init(margin: Double, id: Int64) {
        self.margin = margin
        self.id = id
    }

    public static let start = ReviewCursor(margin: -.infinity, id: 0)

    /// The key of item `id` in id order.
    public static func id(_ id: Int64) -> ReviewCursor {
        ReviewCursor(margin: -.infinity, id: id)
    }

    public static func < (lhs: ReviewCursor, rhs: ReviewCursor) -> Bool {
        lhs.margin != rhs.margin ? lhs.margin < rhs.margin : lhs.id < rhs.id
    }
}

extension ReviewOrder {
    /// Where `detail` sorts in this order: the same key the store pages by, so a page's last
    /// item is the cursor of the next page.
    public func key(of detail: ItemDetail) -> ReviewCursor {
        let id = detail.item.id ?? 0
        switch self {
        case .id: return .id(id)
        case .margin:
            return ReviewCursor(margin: detail.candidateSet.consensusMargin ?? Store.missingMargin, id: id)
        }
    }
}

extension Store {
    /// One page of the items awaiting review (pending or streaming) in `order`, and the cursor
    /// for the next page (`nil` once the queue is exhausted). See `queuePage`.
    public func reviewQueue(
        orderedBy order: ReviewOrder, after cursor: ReviewCursor = .start, limit: Int = 50
    ) async throws -> (items: [ItemDetail], next: ReviewCursor?) {
        let items = try await queuePage(
            QueueSelection(statuses: ItemStatus.awaitingReview, order: order), after: cursor, limit: limit)
        return (items, items.count < limit ? nil : items.last.map(order.key(of:)))
    }

    /// The sort key given to items whose set has no margin: after every real margin.
    static let missingMargin = Double.greatestFiniteMagnitude
}
