/// What a key does while the candidates pane has the focus (Tab); other keys act as usual.
public enum CandidatesCommand: Sendable, Hashable {
    case scrollDown, scrollUp, pageDown, pageUp, top, bottom, unfocus
}

extension KeyBindings {
    public static let candidates: [KeyBinding<CandidatesCommand>] = [
        KeyBinding([.character("j"), .down], .scrollDown, "scroll the candidates down"),
        KeyBinding([.character("k"), .up], .scrollUp, "scroll them up"),
        KeyBinding([.pageDown, .control("d")], .pageDown, "a page down"),
        KeyBinding([.pageUp, .control("u")], .pageUp, "a page up"),
        KeyBinding([.character("g"), .home], .top, "the first candidate"),
        KeyBinding([.character("G"), .end], .bottom, "the end of the last"),
        KeyBinding([.tab, .escape], .unfocus, "back to the queue (j/k move through items again)"),
    ]

    private static let candidatesLookup: [Key: CandidatesCommand] = {
        var result: [Key: CandidatesCommand] = [:]
        for binding in candidates {
            for key in binding.keys where result[key] == nil { result[key] = binding.command }
        }
        return result
    }()

    public static func candidatesCommand(for key: Key) -> CandidatesCommand? { candidatesLookup[key] }
}

extension Workbench {
    /// Tab: j/k scroll the candidates from now on, until Tab or Esc.
    static func focusCandidates(_ state: inout WorkbenchState) -> [WorkbenchEffect] {
        state.candidatesFocus = CandidatesFocus(itemID: state.selectedEntry?.itemID)
        message("the candidates scroll with j/k, PgDn/PgUp, g/G; Tab goes back to the queue", .info, &state)
        return []
    }

    /// The key when the candidates have the focus and it is one of theirs; nil otherwise.
    static func candidatesKey(_ key: Key, _ state: inout WorkbenchState) -> [WorkbenchEffect]? {
        guard let command = KeyBindings.candidatesCommand(for: key), let focus = state.candidatesFocus else { return nil }
        state.status.message = nil
        var top = focus.itemID == state.selectedEntry?.itemID ? focus.top : 0
        let extent = candidatesExtent(state)
        switch command {
        case .unfocus:
            state.candidatesFocus = nil
            return []
        case .scrollDown: top += 1
        case .scrollUp: top -= 1
        case .pageDown: top += max(1, extent.visible - 1)
        case .pageUp: top -= max(1, extent.visible - 1)
        case .top: top = 0
        case .bottom: top = .max / 2
        }
        state.candidatesFocus = CandidatesFocus(
            itemID: state.selectedEntry?.itemID, top: max(0, min(top, extent.rows - extent.visible)))
        return []
    }

    /// The wheel over the candidates: they take the focus and scroll three rows a notch.
    static func candidatesWheel(down: Bool, _ state: inout WorkbenchState) {
        if state.candidatesFocus == nil { state.candidatesFocus = CandidatesFocus(itemID: state.selectedEntry?.itemID) }
        for _ in 0..<3 { _ = candidatesKey(down ? .down : .up, &state) }
    }

    /// The first row the candidates pane shows when it has the focus, for the renderer.
    static func candidatesScroll(_ state: WorkbenchState) -> Int? {
        guard let focus = state.candidatesFocus else { return nil }
        return focus.itemID == state.selectedEntry?.itemID ? focus.top : 0
    }

    private static func candidatesExtent(_ state: WorkbenchState) -> (rows: Int, visible: Int) {
        CandidatesPane.scrollExtent(Selection(state), in: WorkbenchLayout.of(state).candidates)
    }
}
