extension Workbench {
    /// `z`: the whole queue beside the item, or a one-row strip over it.
    static func toggleQueue(_ state: inout WorkbenchState) -> [WorkbenchEffect] {
        state.queueStrip = !state.showsQueueStrip
        message(state.showsQueueStrip ? "the queue is a strip over the item (z: the whole queue)"
                                      : "the whole queue (z: a strip over the item)", .info, &state)
        return selectionEffects(&state)
    }
}
