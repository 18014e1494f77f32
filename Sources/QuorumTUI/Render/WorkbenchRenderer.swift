/// Draws a `WorkbenchState` into a `CellGrid` the size of its viewport. Work is bounded by
/// what is visible: the queue rows on screen and the selected item's texts.
public enum WorkbenchRenderer {
    public static func render(_ state: WorkbenchState) -> CellGrid {
        var grid = CellGrid(size: state.viewport)
        render(state, into: &grid)
        return grid
    }

    public static func render(_ state: WorkbenchState, into grid: inout CellGrid) {
        grid.fill(grid.bounds, style: .text)
        if WorkbenchLayout.isTooSmall(grid.size) {
            TooSmallScreen.render(grid.size, into: &grid)
            return
        }
        if case .stats(let view) = state.overlay {
            StatsOverlay.render(view, into: &grid, in: grid.bounds)
            return
        }
        if case .reader(let view) = state.overlay {
            ReaderScreen.render(view, state: state, into: &grid)
            return
        }
        let selection = Selection(state)
        let layout = WorkbenchLayout.of(state, size: grid.size)
        if state.showsQueueStrip {
            QueueStrip.render(state, into: &grid, in: layout.queue)
        } else {
            QueuePane.render(state, into: &grid, in: layout.queue)
        }
        if let spotCheck = state.spotCheck, let rect = layout.spotCheck {
            SpotCheckPane.render(spotCheck, into: &grid, in: rect)
        }
        ItemPane.render(selection, history: selection.itemID.flatMap { state.histories[$0] }, into: &grid, in: layout.item)
        CandidatesPane.render(selection, expanded: state.expandedCandidate, settings: state.settings,
                              summary: layout.matrix == nil, scroll: Workbench.candidatesScroll(state),
                              into: &grid, in: layout.candidates)
        if let matrix = layout.matrix {
            MatrixPane.render(selection, settings: state.settings, into: &grid, in: matrix)
        }
        StatusBar.render(state, into: &grid, in: layout.statusBar)
        if case .guidelines(let scroll) = state.overlay, let guidelines = state.guidelines {
            GuidelinesOverlay.render(guidelines, scroll: scroll, into: &grid, in: GuidelinesOverlay.frame(layout))
        }
        if case .help(let scroll) = state.overlay {
            HelpOverlay.render(scroll: scroll, into: &grid, in: grid.bounds)
        }
    }
}
