/// What the right-hand panes show: the selected entry, resolved.
enum Selection {
    case none
    case loading(Int64)
    case stored(ItemPresentation)
    case live(LiveItem)

    init(_ state: WorkbenchState) {
        switch state.selectedEntry {
        case nil: self = .none
        case .live(let item): self = .live(item)
        case .stored(let row):
            if let rerun = state.rerun(of: row.itemID) {
                self = .live(rerun)
            } else {
                self = state.details[row.itemID].map(Selection.stored) ?? .loading(row.itemID)
            }
        }
    }

    /// The stored item shown, when it is loaded.
    var itemID: Int64? {
        if case .stored(let item) = self { return item.id }
        return nil
    }

    var candidateCount: Int {
        switch self {
        case .stored(let item): return item.candidates.count
        case .live(let item): return item.candidates.count
        case .none, .loading: return 3
        }
    }
}
