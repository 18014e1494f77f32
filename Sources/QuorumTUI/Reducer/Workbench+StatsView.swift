extension Workbench {
    static func statsKey(_ key: Key, _ view: StatsView, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard let command = KeyBindings.statsCommand(for: key) else { return [] }
        var view = view
        let page = max(1, StatsOverlay.visibleRows(in: state.viewport) - 1)
        switch command {
        case .close:
            state.overlay = nil
            return []
        case .reload:
            state.overlay = .stats(StatsView(scroll: view.scroll, column: view.column))
            return [.loadStats(filter: state.queue.query.filter)]
        case .disagreements:
            return disagreements(view, &state)
        case .scrollDown: view.scroll += 1
        case .scrollUp: view.scroll -= 1
        case .pageDown: view.scroll += page
        case .pageUp: view.scroll -= page
        case .top: view.scroll = 0
        case .bottom: view.scroll = Int.max / 2
        case .scrollLeft: view.column -= 8
        case .scrollRight: view.column += 8
        }
        state.overlay = .stats(StatsOverlay.clamped(view, viewport: state.viewport))
        return []
    }

    /// The queue of the items two curators decided differently (a team's store), or, when it
    /// shows them already, the queue as it was.
    private static func disagreements(_ view: StatsView, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard state.spotCheck == nil else { return [] }
        var query = state.queue.query
        if query.itemIDs != nil {
            state.overlay = nil
            query.itemIDs = nil
            return setQuery(query, &state)
        }
        guard case .loaded(let snapshot) = view.content, !snapshot.disagreements.isEmpty else {
            message("no item has two curators' differing decisions", .info, &state)
            return []
        }
        state.overlay = nil
        query = QueueQuery(filter: .all, order: query.order, itemIDs: snapshot.disagreements)
        let effects = setQuery(query, &state)
        message("showing the \(snapshot.disagreements.count) items curators disagree on; :stats then d shows the queue again", .info, &state)
        return effects
    }

    static func statsLoaded(_ content: StatsView.Content, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard case .stats(var view) = state.overlay else { return [] }
        view.content = content
        state.overlay = .stats(StatsOverlay.clamped(view, viewport: state.viewport))
        return []
    }
}
