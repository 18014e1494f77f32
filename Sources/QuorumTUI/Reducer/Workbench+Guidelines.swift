extension Workbench {
    /// `H`: the guidelines over the item, when `[workbench] guidelines` names a file.
    static func openGuidelines(_ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard state.guidelines != nil else {
            message("no guidelines: name a Markdown file with guidelines = \"GUIDELINES.md\" under [workbench] in quorum.toml",
                    .warning, &state)
            return []
        }
        state.overlay = .guidelines(scroll: 0)
        return []
    }

    static func guidelinesKey(_ key: Key, scroll: Int, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        let page = max(1, GuidelinesOverlay.visibleRows(guidelinesFrame(state)) - 1)
        switch KeyBindings.guidelinesCommand(for: key) {
        case .scrollDown: scrollGuidelines(to: scroll + 1, &state)
        case .scrollUp: scrollGuidelines(to: scroll - 1, &state)
        case .pageDown: scrollGuidelines(to: scroll + page, &state)
        case .pageUp: scrollGuidelines(to: scroll - page, &state)
        case .top: scrollGuidelines(to: 0, &state)
        case .bottom: scrollGuidelines(to: .max, &state)
        case .close: state.overlay = nil
        case nil: break
        }
        return []
    }

    /// Scrolls the guidelines, never past their last line.
    static func scrollGuidelines(to scroll: Int, _ state: inout WorkbenchState) {
        guard let guidelines = state.guidelines else { return }
        let frame = guidelinesFrame(state)
        let count = GuidelinesOverlay.lines(guidelines.document, width: GuidelinesOverlay.textWidth(frame)).count
        state.overlay = .guidelines(scroll: max(0, min(scroll, count - GuidelinesOverlay.visibleRows(frame))))
    }

    static func guidelinesFrame(_ state: WorkbenchState) -> Rect {
        GuidelinesOverlay.frame(WorkbenchLayout.of(state))
    }
}
