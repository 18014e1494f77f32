extension Workbench {
    /// A click on a queue row selects it; the wheel moves through the queue, or scrolls the
    /// candidates when over them, the help or the reader. Clicks elsewhere do nothing, so a
    /// stray click never decides anything.
    static func mouse(_ event: MouseEvent, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        if case .help(let scroll) = state.overlay {
            switch event.action {
            case .wheelDown: scrollHelp(to: scroll + 3, &state)
            case .wheelUp: state.overlay = .help(scroll: max(0, scroll - 3))
            case .click: break
            }
            return []
        }
        if case .guidelines(let scroll) = state.overlay {
            if event.action != .click { scrollGuidelines(to: scroll + (event.action == .wheelDown ? 3 : -3), &state) }
            return []
        }
        if case .reader(let view) = state.overlay {
            if event.action != .click { readerWheel(view, down: event.action == .wheelDown, &state) }
            return []
        }
        guard state.overlay == nil, !WorkbenchLayout.isTooSmall(state.viewport) else { return [] }
        let layout = WorkbenchLayout.of(state)
        let candidates = layout.candidates
        if event.action != .click && candidates.contains(event.at) {
            candidatesWheel(down: event.action == .wheelDown, &state)
            return []
        }
        switch event.action {
        case .wheelDown: return moveCursor(to: state.queue.cursor + 3, &state)
        case .wheelUp: return moveCursor(to: state.queue.cursor - 3, &state)
        case .click:
            guard !state.showsQueueStrip else { return [] }
            let rows = layout.queue.inset(by: 1)
            guard rows.contains(event.at) else { return [] }
            let index = state.queue.top + event.at.y - rows.y
            guard index < state.entryCount else { return [] }
            state.status.message = nil
            return moveCursor(to: index, &state)
        }
    }
}
