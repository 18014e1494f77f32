import GRDB

/// The order of the review queue.
public enum ReviewOrder: String, Sendable, CaseIterable {
    /// Oldest first (`reviewQueue(after:limit:)`).
    case id
    /// The most fragile decisions first (`ConsensusResult.fragility` descending, then id);
    /// sets without one (no consensus yet, or discarded) come last.
    case fragility
}

/// Where a page of the queue ended: pass it back to get the next page. Cursors compare as
/// the queue sorts: by rank, then id.
public struct ReviewCursor: Sendable, Hashable, Comparable {
    /// The order's sort value: minus the fragility in fragility order (so the most fragile
    /// ranks first), −∞ in id order.
    public var rank: Double
    public var id: Int64

    public init(rank: Double, id: Int64) {
        self.rank = rank
        self.id = id
    }

    public static let start = ReviewCursor(rank: -.infinity, id: 0)

    /// The key of item `id` in id order.
    public static func id(_ id: Int64) -> ReviewCursor {
        ReviewCursor(rank: -.infinity, id: id)
    }

    /// The key of item `id` with `fragility` in fragility order.
    public static func fragility(_ fragility: Double?, id: Int64) -> ReviewCursor {
        ReviewCursor(rank: fragility.map { -$0 } ?? Store.missingRank, id: id)
    }

    public static func < (lhs: ReviewCursor, rhs: ReviewCursor) -> Bool {
        lhs.rank != rhs.rank ? lhs.rank < rhs.rank : lhs.id < rhs.id
    }
}

extension ReviewOrder {
    /// Where `detail` sorts in this order: the same key the store pages by, so a page's last
    /// item is the cursor of the next page.
    public func key(of detail: ItemDetail) -> ReviewCursor {
        let id = detail.item.id ?? 0
        switch self {
        case .id: return .id(id)
        case .fragility: return .fragility(detail.candidateSet.consensus?.fragility, id: id)
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

    /// The rank given to items whose set has no fragility: after every real one.
    public static let missingRank = Double.greatestFiniteMagnitude
}
