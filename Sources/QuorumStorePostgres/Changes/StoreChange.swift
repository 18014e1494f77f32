/// What another curator or process changed in a store, as announced on `quorum_changes`.
public enum StoreChange: Sendable, Equatable {
    case decided(itemID: Int64, curator: String)
    case imported(runID: Int64, items: Int)

    static let channel = "quorum_changes"

    var payload: String {
        switch self {
        case .decided(let itemID, let curator): return "decided \(itemID) \(curator)"
        case .imported(let runID, let items): return "imported \(runID) \(items)"
        }
    }

    init?(payload: String) {
        let parts = payload.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let first = Int64(parts[1]) else { return nil }
        switch parts[0] {
        case "decided": self = .decided(itemID: first, curator: String(parts[2]))
        case "imported":
            guard let items = Int(parts[2]) else { return nil }
            self = .imported(runID: first, items: items)
        default: return nil
        }
    }
}
