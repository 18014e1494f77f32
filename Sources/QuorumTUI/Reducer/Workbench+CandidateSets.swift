import QuorumStore

extension Workbench {
    /// `[` (`step` -1) and `]` (+1): the item's candidate sets one by one, oldest first, then
    /// the rerun streaming after them. The sets are read on the first step that needs them.
    static func stepSet(_ step: Int, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard case .stored(let row) = state.selectedEntry, let item = state.details[row.itemID] else {
            message("[ and ] step through a stored item's candidate sets", .warning, &state)
            return []
        }
        var browsing = state.setBrowsing?.itemID == row.itemID ? state.setBrowsing! : SetBrowsing(itemID: row.itemID)
        let isStreaming = state.rerun(of: row.itemID) != nil
        if browsing.shown == .streaming && !isStreaming { browsing.shown = .current }
        guard let sets = browsing.sets, let current = browsing.currentIndex(ordinal: item.setOrdinal) else {
            // Between the current set and the rerun streaming no read is needed.
            if step < 0 && browsing.shown == .streaming {
                browsing.shown = .current
            } else if step > 0 && browsing.shown == .current && isStreaming {
                browsing.shown = .streaming
            } else {
                let asked = browsing.pendingStep != nil
                browsing.pendingStep = step
                state.setBrowsing = browsing
                message("reading the candidate sets of #\(row.itemID)…", .info, &state)
                return asked ? [] : [.loadCandidateSets(row.itemID)]
            }
            state.setBrowsing = browsing
            describeShown(row.itemID, &state)
            return []
        }
        let position: Int
        switch browsing.shown {
        case .current: position = current
        case .other(let index): position = index
        case .streaming: position = sets.count
        }
        let next = position + step
        if next < 0 {
            message("this is the first candidate set of #\(row.itemID)", .info, &state)
            return []
        }
        if next > sets.count || (next == sets.count && !isStreaming) {
            message(isStreaming ? "this is the rerun streaming, the newest set" : "this is the newest candidate set of #\(row.itemID)",
                    .info, &state)
            return []
        }
        if next == sets.count {
            browsing.shown = .streaming
        } else if next == current {
            browsing.shown = .current
        } else {
            browsing.shown = .other(next)
            alignWithinFrame(&browsing.sets![next])
        }
        state.setBrowsing = browsing
        describeShown(row.itemID, &state)
        return []
    }

    static func candidateSetsLoaded(_ itemID: Int64, _ details: [ItemDetail], _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard var browsing = state.setBrowsing, browsing.itemID == itemID else { return [] }
        browsing.sets = details.map(ItemPresentation.init)
        let step = browsing.pendingStep
        browsing.pendingStep = nil
        state.setBrowsing = browsing
        guard let step, state.selectedEntry?.itemID == itemID else { return [] }
        if details.count < 2 && state.rerun(of: itemID) == nil {
            message("#\(itemID) has one candidate set: r reruns its outputs", .info, &state)
            return []
        }
        return stepSet(step, &state)
    }

    /// Says which set is on screen, and when it is not the current one, that decisions wait.
    private static func describeShown(_ itemID: Int64, _ state: inout WorkbenchState) {
        switch Selection(state) {
        case .stored(let item):
            guard let place = item.setPlace else { return }
            let of = place.count.map { " of \($0)" } ?? ""
            message(place.isCurrent
                ? "#\(itemID): set \(place.number)\(of), the current one"
                : "#\(itemID): set \(place.number)\(of), not the current one; decisions apply to the current set (] or [ returns to it)",
                    place.isCurrent ? .info : .warning, &state)
        case .live:
            message("#\(itemID): the rerun streaming ([ the set before it)", .info, &state)
        case .none, .loading:
            break
        }
    }

    /// An earlier set's highlights: what a frame can align, the rest shown without.
    private static func alignWithinFrame(_ item: inout ItemPresentation) {
        guard item.computeSharedTokens() else { return }
        item.sharedTokensTooLong = item.sharedTokensPending
        item.sharedTokensPending = []
    }
}
