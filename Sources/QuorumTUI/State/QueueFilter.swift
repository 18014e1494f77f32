import QuorumStore

/// Which items the queue lists; `f` cycles through them in this order.
public enum QueueFilter: Sendable, Hashable {
    /// Pending and streaming: what is left to decide.
    case awaitingReview
    case all
    case status(ItemStatus)

    public static let cycle: [QueueFilter] =
        [.awaitingReview, .all] + ItemStatus.allCases.filter { $0 != .streaming }.map { .status($0) }

    public var statuses: [ItemStatus] {
        switch self {
        case .awaitingReview: return ItemStatus.awaitingReview
        case .all: return ItemStatus.allCases
        case .status(let status): return [status]
        }
    }

    public func includes(_ status: ItemStatus) -> Bool {
        statuses.contains(status)
    }

    public var name: String {
        switch self {
        case .awaitingReview: return "review"
        case .all: return "all"
        case .status(let status): return status.rawValue
        }
    }

    public var label: String {
        switch self {
        case .awaitingReview: return "awaiting review"
        case .all: return "all items"
        case .status(let status): return status.rawValue
        }
    }

    /// Parses a name given to `:filter`: `review`, `all` or a status.
    public init?(name: String) {
        let lowered = name.lowercased()
        if let filter = Self.cycle.first(where: { $0.name == lowered }) {
            self = filter
        } else if let status = ItemStatus(rawValue: lowered) {
            self = .status(status)
        } else {
            return nil
        }
    }

    public var next: QueueFilter {
        let index = Self.cycle.firstIndex(of: self) ?? -1
        return Self.cycle[(index + 1) % Self.cycle.count]
    }
}

/// What the queue shows: a filter by status and a search text (case-insensitive, over the
/// instruction, the input and the candidates).
public struct QueueQuery: Sendable, Hashable {
    public var filter: QueueFilter
    public var search: String

    public init(filter: QueueFilter = .awaitingReview, search: String = "") {
        self.filter = filter
        self.search = search
    }

    public func matches(_ detail: ItemDetail) -> Bool {
        guard filter.includes(detail.item.status) else { return false }
        return matchesSearch(detail)
    }

    public func matchesSearch(_ detail: ItemDetail) -> Bool {
        let needle = search.lowercased()
        guard !needle.isEmpty else { return true }
        return detail.item.instruction.lowercased().contains(needle)
            || detail.item.input.lowercased().contains(needle)
            || detail.candidates.contains { $0.text.lowercased().contains(needle) }
    }
}
