extension WorkbenchLayout {
    /// The layout the screen has for `state`: the renderer draws into it, and the mouse and
    /// the candidates' scrolling read it.
    static func of(_ state: WorkbenchState, size: Size? = nil) -> WorkbenchLayout {
        let selection = Selection(state)
        let history = selection.itemID.flatMap { state.histories[$0] }
        return WorkbenchLayout(
            size: size ?? state.viewport, candidateCount: selection.candidateCount,
            spotCheckRows: state.spotCheck.map(SpotCheckPane.height) ?? 0, queueStrip: state.showsQueueStrip,
            itemRows: { ItemPane.wantedRows(selection, history: history, width: $0) })
    }
}
