import QuorumStore

extension Workbench {
    /// Rows of items the queue pane lists (fewer when the spot-check pane is under it).
    static func queuePageRows(_ state: WorkbenchState) -> Int {
        guard let spotCheck = state.spotCheck else { return max(1, WorkbenchLayout.queueRows(for: state.viewport)) }
        let layout = WorkbenchLayout(size: state.viewport, candidateCount: 0, spotCheckRows: SpotCheckPane.height(spotCheck))
        return max(1, layout.queue.height - 2)
    }

    static func moveCursor(to index: Int, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        let before = state.selectedEntry?.itemID
        state.queue.cursor = max(0, min(index, state.entryCount - 1))
        if state.selectedEntry?.itemID != before {
            state.expandedCandidate = nil
            state.setBrowsing = nil
        }
        return selectionEffects(&state)
    }

    /// Starts over with a new query: the rows of the old one are dropped, its pages ignored.
    static func setQuery(_ query: QueueQuery, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard query != state.queue.query else { return [] }
        let generation = state.queue.generation + 1
        state.queue = state.queue.restarted(with: query)
        state.queue.generation = generation
        state.queue.isLoading = true
        state.expandedCandidate = nil
        var label = "showing " + query.filter.label
        if !query.search.isEmpty { label += " matching \"\(query.search)\"" }
        message(label + ", " + query.order.label, .info, &state)
        return [.loadPage(query, after: .start, limit: state.settings.pageSize, generation: generation)]
    }

    /// Keeps the cursor in range and in view, makes sure the selected item is loaded and its
    /// shared tokens known, asks for the next page near the end, and forgets far details.
    static func selectionEffects(_ state: inout WorkbenchState) -> [WorkbenchEffect] {
        var effects: [WorkbenchEffect] = []
        let count = state.entryCount
        state.queue.cursor = max(0, min(state.queue.cursor, count - 1))
        let rows = queuePageRows(state)
        if state.queue.cursor < state.queue.top { state.queue.top = state.queue.cursor }
        if state.queue.cursor >= state.queue.top + rows { state.queue.top = state.queue.cursor - rows + 1 }
        state.queue.top = max(0, min(state.queue.top, max(0, count - rows)))

        if case .stored(let row) = state.selectedEntry {
            if state.details[row.itemID] == nil {
                effects.append(.loadItem(row.itemID))
            } else if state.details[row.itemID]?.computeSharedTokens() == true, let item = state.details[row.itemID],
                      let choice = item.choice {
                effects.append(.alignSharedTokens(
                    itemID: item.id, texts: item.candidates.map(\.text.original), choice: choice,
                    positions: item.sharedTokensPending))
            }
        }
        let queue = state.queue
        if !queue.isExhausted && !queue.isLoading && queue.cursor >= queue.rows.count - state.settings.pageSize / 2 {
            state.queue.isLoading = true
            effects.append(.loadPage(queue.query, after: queue.loadedThrough, limit: state.settings.pageSize,
                                     generation: queue.generation))
        }
        evictFarDetails(&state)
        return effects
    }

    static func isNearCursor(_ index: Int, _ state: WorkbenchState) -> Bool {
        abs(index - state.queue.cursor) <= state.settings.detailWindow
    }

    private static func evictFarDetails(_ state: inout WorkbenchState) {
        let window = state.settings.detailWindow
        guard state.details.count > 3 * window else { return }
        let rows = state.queue.rows
        let low = max(0, state.queue.cursor - window)
        let high = min(rows.count, state.queue.cursor + window + 1)
        var kept: [Int64: ItemPresentation] = [:]
        if low < high {
            for row in rows[low..<high] {
                if let detail = state.details[row.itemID] { kept[row.itemID] = detail }
            }
        }
        state.details = kept
    }

    static func updateRow(_ itemID: Int64, _ state: inout WorkbenchState, _ change: (inout QueueRow) -> Void) {
        state.queue.updateRow(itemID, change)
    }

    /// Lists a stored item where the query's order puts it, keeping the cursor (and the top
    /// of the pane) on the entries they were on.
    @discardableResult
    static func insertRow(_ detail: ItemDetail, _ state: inout WorkbenchState) -> Int? {
        insertRow(QueueRow(detail, order: state.queue.query.order), &state)
    }

    @discardableResult
    static func insertRow(_ row: QueueRow, _ state: inout WorkbenchState) -> Int? {
        let hadEntries = state.entryCount > 0
        guard let index = state.queue.insert(row) else { return nil }
        if hadEntries && index <= state.queue.cursor { state.queue.cursor += 1 }
        if hadEntries && index < state.queue.top { state.queue.top += 1 }
        return index
    }
}
