/// What a key does in the reader.
public enum ReaderCommand: Sendable, Hashable {
    case scrollDown, scrollUp, pageDown, pageUp, top, bottom
    case show, toggleDiff, toggleSideBySide, togglePrompt, take, close
}

extension KeyBindings {
    public static let reader: [KeyBinding<ReaderCommand>] = [
        KeyBinding([.character("j"), .down], .scrollDown, "scroll down"),
        KeyBinding([.character("k"), .up], .scrollUp, "scroll up"),
        KeyBinding([.pageDown, .control("d"), .character(" ")], .pageDown, "a page down"),
        KeyBinding([.pageUp, .control("u")], .pageUp, "a page up"),
        KeyBinding([.character("g"), .home], .top, "the top"),
        KeyBinding([.character("G"), .end], .bottom, "the end"),
        KeyBinding(digitKeys, .show, "show candidate k", label: "0–9"),
        KeyBinding([.character("d")], .toggleDiff, "word diff against the choice: {+added+} [-removed-]"),
        KeyBinding([.character("s")], .toggleSideBySide, "the choice and the candidate side by side (120+ columns)"),
        KeyBinding([.character("i")], .togglePrompt, "hide or show the instruction and input"),
        KeyBinding([.character("t")], .take, "take the candidate shown (as its digit does in the main view)"),
        KeyBinding([.escape, .character("q"), .character("v")], .close, "close the reader"),
    ]

    private static let readerLookup: [Key: ReaderCommand] = {
        var result: [Key: ReaderCommand] = [:]
        for binding in reader {
            for key in binding.keys where result[key] == nil { result[key] = binding.command }
        }
        return result
    }()

    public static func readerCommand(for key: Key) -> ReaderCommand? { readerLookup[key] }
}

extension Workbench {
    /// `v`: the reader on the selected item, showing the consensus choice (or the curator's pick
    /// when the set was discarded).
    static func openReader(_ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard case .stored(let row) = state.selectedEntry, state.rerun(of: row.itemID) == nil else {
            message(state.selectedEntry == nil ? "no item selected" : "this item is still being generated; read it once its candidates are in",
                    .warning, &state)
            return []
        }
        guard let item = state.details[row.itemID] else {
            message("#\(row.itemID) is still loading", .info, &state)
            return []
        }
        if let browsing = state.setBrowsing, browsing.itemID == row.itemID, case .other = browsing.shown {
            message("the reader reads the current set; ] or [ returns to it", .warning, &state)
            return []
        }
        guard !item.candidates.isEmpty else {
            message("#\(item.id) has no candidates to read", .warning, &state)
            return []
        }
        let shown = item.choice ?? item.chosen ?? 0
        state.overlay = .reader(ReaderView(itemID: item.id, shown: min(shown, item.candidates.count - 1)))
        return []
    }

    static func readerKey(_ key: Key, _ view: ReaderView, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard let command = KeyBindings.readerCommand(for: key) else {
            message("\(key.label) does nothing in the reader; q closes it, ? in the main view lists the keys", .warning, &state)
            return []
        }
        state.status.message = nil
        guard let item = state.details[view.itemID] else {
            if command == .close { state.overlay = nil }
            return []
        }
        var view = view
        let extent = measured(view, item: item, state)
        let pageRows = max(1, extent.rows - 1)
        switch command {
        case .close:
            state.overlay = nil
            return []
        case .scrollDown: view.scroll += 1
        case .scrollUp: view.scroll -= 1
        case .pageDown: view.scroll += pageRows
        case .pageUp: view.scroll -= pageRows
        case .top: view.scroll = 0
        case .bottom: view.scroll = extent.maxScroll
        case .show:
            guard let digit = key.digit, item.candidates.indices.contains(digit) else {
                message("#\(item.id) has no candidate \(key.digit ?? -1) (it has \(item.candidates.count))", .warning, &state)
                return []
            }
            view.shown = digit
            if view.showsDiff { view.diff = diff(digit, item) }
        case .toggleDiff:
            guard let choice = item.choice else {
                message("#\(item.id) has no consensus choice to compare with", .warning, &state)
                return []
            }
            view.showsDiff.toggle()
            view.diff = view.showsDiff ? diff(view.shown, item) : nil
            if view.showsDiff && view.shown == choice {
                message("candidate \(choice) is the choice itself; 0–9 shows another against it", .info, &state)
            }
        case .toggleSideBySide:
            guard view.sideBySide || state.viewport.width >= ReaderPage.sideBySideWidth else {
                message("side by side needs \(ReaderPage.sideBySideWidth) columns; this terminal has \(state.viewport.width)",
                        .warning, &state)
                return []
            }
            view.sideBySide.toggle()
        case .togglePrompt: view.hidesPrompt.toggle()
        case .take:
            return take(view, &state)
        }
        let scrollsOnly = [.scrollDown, .scrollUp, .pageDown, .pageUp, .top, .bottom].contains(command)
        if !scrollsOnly { view.extent = nil }
        state.overlay = .reader(clamped(view, item: item, state))
        return []
    }

    /// The wheel in the reader: three lines a notch.
    static func readerWheel(_ view: ReaderView, down: Bool, _ state: inout WorkbenchState) {
        guard let item = state.details[view.itemID] else { return }
        var view = view
        view.scroll += down ? 3 : -3
        state.overlay = .reader(clamped(view, item: item, state))
    }

    /// `view` with its scroll kept within the text and what it measured kept with it.
    private static func clamped(_ view: ReaderView, item: ItemPresentation, _ state: WorkbenchState) -> ReaderView {
        var view = view
        let extent = measured(view, item: item, state)
        view.extent = extent
        view.scroll = max(0, min(view.scroll, extent.maxScroll))
        return view
    }

    /// The body's rows and the furthest scroll: the last measure when it was taken at this
    /// size (and nothing but the scroll has changed since), else the text wrapped afresh.
    private static func measured(_ view: ReaderView, item: ItemPresentation, _ state: WorkbenchState) -> ReaderView.Extent {
        if let extent = view.extent, extent.viewport == state.viewport { return extent }
        let page = ReaderPage(view, item: item, viewport: state.viewport, markers: state.settings.marksChangesInText)
        return ReaderView.Extent(viewport: state.viewport, rows: page.body.height, maxScroll: page.maxScroll)
    }

    private static func diff(_ position: Int, _ item: ItemPresentation) -> WordDiff? {
        guard let choice = item.choice else { return nil }
        return WordDiff(candidate: ReaderPage.originalText(position, item), choice: ReaderPage.originalText(choice, item))
    }

    /// `t`: the shown candidate taken through the main view's own override; the reader closes
    /// when the decision goes out, as the main view moves on to the next item.
    private static func take(_ view: ReaderView, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard state.selectedEntry?.itemID == view.itemID else {
            message("#\(view.itemID) is no longer the selected item; close the reader and select it", .warning, &state)
            return []
        }
        let effects = override(candidate: view.shown, &state)
        if effects.contains(where: { if case .decide = $0 { return true } else { return false } }) {
            state.overlay = nil
        }
        return effects
    }
}
