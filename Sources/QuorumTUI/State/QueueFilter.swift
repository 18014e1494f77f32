import QuorumCore
import QuorumStore

/// Which items the queue lists; `f` cycles through the named ones in this order.
public enum QueueFilter: Sendable, Hashable {
    /// Pending and streaming: what is left to decide.
    case awaitingReview
    case all
    case status(ItemStatus)
    /// A filter in the filter language (`:filter type = A and fragile`), as typed.
    case expression(String, FilterExpression)

    public static let cycle: [QueueFilter] =
        [.awaitingReview, .all] + ItemStatus.allCases.filter { $0 != .streaming }.map { .status($0) }

    public var statuses: [ItemStatus] {
        switch self {
        case .awaitingReview: return ItemStatus.awaitingReview
        case .all: return ItemStatus.allCases
        case .status(let status): return [status]
        case .expression(_, let expression):
            guard let implied = expression.impliedStatuses else { return ItemStatus.allCases }
            return ItemStatus.allCases.filter { implied.contains($0.rawValue) }
        }
    }

    /// The expression the store applies beyond the statuses; nil for a named filter.
    public var expression: FilterExpression? {
        if case .expression(_, let expression) = self { return expression }
        return nil
    }

    public func includes(_ status: ItemStatus) -> Bool {
        statuses.contains(status)
    }

    public var name: String {
        switch self {
        case .awaitingReview: return "review"
        case .all: return "all"
        case .status(let status): return status.rawValue
        case .expression(let text, _): return text
        }
    }

    public var label: String {
        switch self {
        case .awaitingReview: return "awaiting review"
        case .all: return "all items"
        case .status(let status): return status.rawValue
        case .expression(let text, _): return text
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

/// What the queue shows: a filter by status, a search text (case-insensitive, over the
/// instruction, the input and the candidates), an order, and optionally a fixed set of items
/// (a spot-check's sample).
public struct QueueQuery: Sendable, Hashable {
    public var filter: QueueFilter
    public var search: String
    public var order: ReviewOrder
    /// Only these items, ascending; nil for the whole store.
    public var itemIDs: [Int64]?

    public init(filter: QueueFilter = .awaitingReview, search: String = "", order: ReviewOrder = .id, itemIDs: [Int64]? = nil) {
        self.filter = filter
        self.search = search
        self.order = order
        self.itemIDs = itemIDs.map { $0.sorted() }
    }

    /// What the store reads for this query.
    public var selection: QueueSelection {
        QueueSelection(statuses: filter.statuses, order: order, itemIDs: itemIDs, filter: filter.expression)
    }

    /// Whether an item the engine just stored (no decisions yet) belongs in the queue.
    public func matches(_ detail: ItemDetail) -> Bool {
        guard filter.includes(detail.item.status), includes(detail.item.id ?? 0) else { return false }
        if let expression = filter.expression, !expression.matches(FilterSubject(detail)) { return false }
        return matchesSearch(detail)
    }

    /// Whether the item is in the query's fixed set, when it has one.
    public func includes(_ itemID: Int64) -> Bool {
        guard let itemIDs else { return true }
        var low = 0
        var high = itemIDs.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if itemIDs[middle] == itemID { return true }
            if itemIDs[middle] < itemID { low = middle + 1 } else { high = middle - 1 }
        }
        return false
    }

    /// The search as the store runs it; nil when there is none.
    public var textSearch: TextSearch? { TextSearch(search) }

    public func matchesSearch(_ detail: ItemDetail) -> Bool {
        textSearch?.matches(detail) ?? true
    }
}

extension ReviewOrder {
    /// Parses a name given to `:order` or `--order`; `margin`, the order's earlier name, is
    /// still understood.
    public init?(name: String) {
        let lowered = name.lowercased()
        self.init(rawValue: lowered == "margin" ? Self.fragility.rawValue : lowered)
    }

    public var label: String {
        switch self {
        case .id: return "oldest first"
        case .fragility: return "most fragile first"
        }
    }
}
