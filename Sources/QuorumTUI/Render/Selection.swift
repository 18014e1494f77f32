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
            let browsing = state.setBrowsing?.itemID == row.itemID ? state.setBrowsing : nil
            let rerun = state.rerun(of: row.itemID)
            if let rerun, browsing?.shown == .streaming {
                self = .live(rerun)
            } else if let item = state.details[row.itemID] {
                self = .stored(Self.placed(item, browsing: browsing, rerun: rerun))
            } else {
                self = .loading(row.itemID)
            }
        }
    }

    /// The set `[`/`]` show of the item, marked with its place among the item's sets; the
    /// current one, marked only when the sets are read or a rerun streams after it.
    private static func placed(_ item: ItemPresentation, browsing: SetBrowsing?, rerun: LiveItem?) -> ItemPresentation {
        let streaming = rerun.map { rerun in (finished: rerun.candidates.filter(\.isFinished).count, started: rerun.candidates.count) }
        let sets = browsing?.sets
        if case .other(let index)? = browsing?.shown, let sets, sets.indices.contains(index) {
            var shown = sets[index]
            shown.setPlace = SetPlace(number: index + 1, count: sets.count, isCurrent: false, streaming: streaming)
            return shown
        }
        guard sets != nil || streaming != nil else { return item }
        var current = item
        let index = browsing?.currentIndex(ordinal: item.setOrdinal)
        current.setPlace = SetPlace(number: (index ?? item.setOrdinal) + 1, count: index == nil ? nil : sets?.count,
                                    isCurrent: true, streaming: streaming)
        return current
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
