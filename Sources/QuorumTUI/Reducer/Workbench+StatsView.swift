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

    static func statsLoaded(_ content: StatsView.Content, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard case .stats(var view) = state.overlay else { return [] }
        view.content = content
        state.overlay = .stats(StatsOverlay.clamped(view, viewport: state.viewport))
        return []
    }
}
