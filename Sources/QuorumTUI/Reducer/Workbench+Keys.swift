import QuorumStore

extension Workbench {
    static func handleKey(_ key: Key, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        if key == .resize { return [] }
        if case .mouse(let event) = key { return mouse(event, &state) }
        switch state.overlay {
        case .help(let scroll):
            return helpKey(key, scroll: scroll, &state)
        case .prompt(let prompt):
            return promptKey(key, prompt, &state)
        case .stats(let view):
            return statsKey(key, view, &state)
        case .reader(let view):
            return readerKey(key, view, &state)
        case .guidelines(let scroll):
            return guidelinesKey(key, scroll: scroll, &state)
        case nil:
            break
        }
        if let effects = candidatesKey(key, &state) { return effects }
        if let command = KeyBindings.command(for: key), command == .quit {
            state.queuedKeys = []
        } else if !state.queuedKeys.isEmpty
            || KeyBindings.command(for: key).map({ needsItem($0) && selectedItemIsLoading(state) }) == true
        {
            return queue(key, &state)
        }
        return handleKeyNow(key, &state)
    }

    /// Commands that act on the selected item, and so wait for it to load.
    private static func needsItem(_ command: WorkbenchCommand) -> Bool {
        switch command {
        case .accept, .override, .edit, .reject, .rerunOutputs, .rerunInstance, .markRight, .markWrong, .openReader: return true
        default: return false
        }
    }

    /// Whether the selected entry is a stored item whose detail has not been read yet.
    private static func selectedItemIsLoading(_ state: WorkbenchState) -> Bool {
        guard case .stored(let row) = state.selectedEntry else { return false }
        return state.details[row.itemID] == nil && !row.isWriting && state.rerun(of: row.itemID) == nil
    }

    /// The most keys kept waiting: beyond it a key is dropped, and the curator told.
    static let queuedKeyLimit = 64

    private static func queue(_ key: Key, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard state.queuedKeys.count < queuedKeyLimit else {
            message("\(key.label) dropped: \(queuedKeyLimit) keys already wait for the item to load", .warning, &state)
            return []
        }
        state.queuedKeys.append(key)
        let waiting = state.queuedKeys.count
        if case .stored(let row) = state.selectedEntry {
            message("#\(row.itemID) is loading; \(waiting) key\(waiting == 1 ? "" : "s") wait for it", .info, &state)
        }
        return []
    }

    /// Applies the queued keys in order, up to one that still has to wait for its item.
    static func drainQueuedKeys(_ state: inout WorkbenchState) -> [WorkbenchEffect] {
        var effects: [WorkbenchEffect] = []
        while let key = state.queuedKeys.first {
            if state.overlay == nil, let command = KeyBindings.command(for: key), needsItem(command),
               selectedItemIsLoading(state) {
                break
            }
            state.queuedKeys.removeFirst()
            // A queued x opens its prompt: the keys after it are the prompt's.
            effects += state.overlay == nil ? handleKeyNow(key, &state) : handleKey(key, &state)
        }
        return effects
    }

    private static func handleKeyNow(_ key: Key, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        state.status.message = nil
        guard let command = KeyBindings.command(for: key) else {
            message("\(key.label) does nothing here; ? lists the keys", .warning, &state)
            return []
        }
        if WorkbenchLayout.isTooSmall(state.viewport) && command != .quit && command != .help {
            return []
        }
        return run(command, key: key, &state)
    }

    private static func run(_ command: WorkbenchCommand, key: Key, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        switch command {
        case .accept: return accept(&state)
        case .override: return override(candidate: key.digit ?? 0, &state)
        case .edit: return edit(&state)
        case .skip: return skip(&state)
        case .reject:
            guard let item = decidableItem(&state) else { return [] }
            return openReasonPrompt(Prompt(.rejectReason(itemID: item.id)), &state)
        case .rerunOutputs, .rerunInstance:
            return rerun(command == .rerunOutputs ? .outputs : .instance, &state)
        case .undo: return undo(&state)
        case .markRight: return markRight(&state)
        case .markWrong: return markWrong(&state)
        case .next: return moveCursor(to: state.queue.cursor + 1, &state)
        case .previous: return moveCursor(to: state.queue.cursor - 1, &state)
        case .pageDown: return moveCursor(to: state.queue.cursor + queuePageRows(state), &state)
        case .pageUp: return moveCursor(to: state.queue.cursor - queuePageRows(state), &state)
        case .first: return moveCursor(to: 0, &state)
        case .last: return moveCursor(to: state.entryCount - 1, &state)
        case .expandNext, .expandPrevious:
            expandCandidate(forward: command == .expandNext, &state)
            return []
        case .search:
            state.overlay = .prompt(Prompt(.search, text: state.queue.query.search))
            return []
        case .cycleFilter:
            var query = state.queue.query
            query.filter = query.filter.next
            return setQuery(query, &state)
        case .commandLine:
            state.overlay = .prompt(Prompt(.command))
            return []
        case .togglePause: return togglePause(&state)
        case .cycleTheme:
            let index = state.themeNames.firstIndex(of: state.themeName) ?? -1
            return applyTheme(state.themeNames[(index + 1) % state.themeNames.count], &state)
        case .toggleHighlight:
            state.settings.highlightsShared.toggle()
            message(state.settings.highlightsShared
                ? "highlighting the words each candidate shares with the choice (h: what it does not)"
                : "highlighting the words each candidate does not share with the choice (h: what it shares)", .info, &state)
            return []
        case .help:
            state.overlay = .help(scroll: 0)
            return []
        case .openReader: return openReader(&state)
        case .focusCandidates: return focusCandidates(&state)
        case .toggleQueue: return toggleQueue(&state)
        case .previousSet: return stepSet(-1, &state)
        case .nextSet: return stepSet(1, &state)
        case .guidelines: return openGuidelines(&state)
        case .cancel:
            state.expandedCandidate = nil
            guard !state.queue.query.search.isEmpty else { return [] }
            var query = state.queue.query
            query.search = ""
            return setQuery(query, &state)
        case .quit:
            state.isQuitting = true
            return [.quit]
        }
    }

    private static func accept(_ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard let item = decidableItem(&state) else { return [] }
        guard let choice = item.choice, item.isUsable(choice) else {
            let why = item.consensus?.discard.map { "discarded: \($0 == .noAgreement ? "no agreement" : "empty choice")" }
                ?? "no consensus"
            message("#\(item.id) has no consensus choice to accept (\(why)); take a candidate with 0–9, edit with e or reject with x",
                    .warning, &state)
            return []
        }
        if let spotCheck = state.spotCheck {
            // A spot-check's accept is a verdict: it is recorded even on an automatic accept.
            if spotCheck.verdicts[item.id] == .right {
                message("#\(item.id) is already marked right", .info, &state)
                return moveCursor(to: state.queue.cursor + 1, &state)
            }
            return decide(item.id, .accept, verb: "marking right", &state)
        }
        if item.status == .accepted {
            message("#\(item.id) is already accepted", .info, &state)
            return moveCursor(to: state.queue.cursor + 1, &state)
        }
        return decide(item.id, .accept, verb: "accepting", &state)
    }

    /// Puts the selected item off to the end of the session's queue; the cursor stays where
    /// it was, on the next item.
    private static func skip(_ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard case .stored(let row) = state.selectedEntry else {
            message(state.selectedEntry == nil ? "no item selected" : "this item is still being generated", .warning, &state)
            return []
        }
        if row.isWriting {
            message("a decision on #\(row.itemID) is being written", .info, &state)
            return []
        }
        let wasLast = state.queue.cursor == state.queue.rows.count - 1
        state.queue.deferToEnd(row.itemID)
        state.expandedCandidate = nil
        message(wasLast ? "#\(row.itemID) skipped; it is the last item, so it stays here"
                : "#\(row.itemID) skipped: it comes back at the end of this session's queue", .info, &state)
        return [.skip(itemID: row.itemID)] + selectionEffects(&state)
    }

    private static func markRight(_ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard state.spotCheck != nil else {
            message("y and n give verdicts in a spot-check (quorum spot-check); a accepts here", .warning, &state)
            return []
        }
        return accept(&state)
    }

    private static func markWrong(_ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard state.spotCheck != nil else { return openNote(&state) }
        guard let item = decidableItem(&state) else { return [] }
        return openReasonPrompt(Prompt(.wrongReason(itemID: item.id)), &state)
    }

    static func override(candidate position: Int, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard let item = decidableItem(&state) else { return [] }
        guard item.candidates.indices.contains(position) else {
            message("#\(item.id) has no candidate \(position) (it has \(item.candidates.count))", .warning, &state)
            return []
        }
        guard item.isUsable(position) else {
            message("candidate \(position) of #\(item.id) has no usable text", .warning, &state)
            return []
        }
        if position == item.choice { return accept(&state) }
        if item.status == .overridden && item.chosen == position {
            message("#\(item.id) already takes candidate \(position)", .info, &state)
            return []
        }
        return decide(item.id, .override(candidate: position), verb: "taking candidate \(position) for", &state)
    }

    private static func edit(_ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard let item = decidableItem(&state) else { return [] }
        if let edited = item.editedOutput {
            return [.openEditor(itemID: item.id, text: edited.original, basedOn: item.chosen)]
        }
        let start = [item.chosen, item.choice].compactMap { $0 }.first { item.isUsable($0) }
            ?? item.candidates.indices.first { item.isUsable($0) }
        let text = start.map { item.candidates[$0].text.original } ?? ""
        return [.openEditor(itemID: item.id, text: text, basedOn: start)]
    }

    /// Starts a rerun shown in place of the item: new outputs for the same input, or a new
    /// instance (which the engine stores as a new item, rejecting this one).
    private static func rerun(_ scope: RerunScope, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard let item = decidableItem(&state, allowStreaming: true) else { return [] }
        guard state.engine.isAttached else {
            engineUnavailable("reruns need the engine", &state)
            return []
        }
        let ticket = state.nextRerunTicket
        state.nextRerunTicket += 1
        var live = LiveItem(ticket: ticket, type: item.type, instruction: item.instruction.original, rerunOf: item.id)
        if scope == .outputs { live.input = item.input }
        state.reruns.append(live)
        state.expandedCandidate = nil
        message(scope == .outputs ? "rerunning the outputs of #\(item.id)…" : "rerunning the instance of #\(item.id)…",
                .info, &state)
        return [.rerun(itemID: item.id, scope, ticket: ticket)]
    }

    private static func undo(_ state: inout WorkbenchState) -> [WorkbenchEffect] {
        if let last = state.undoTrail.last, last.batchID != nil {
            return undoBatch(last, &state)
        }
        if let last = state.undoTrail.last {
            if let index = state.queue.rowIndex(of: last.itemID) {
                state.queue.cursor = index
            }
            state.pendingWrites += 1
            updateRow(last.itemID, &state) { $0.isWriting = true }
            message("undoing the last decision on #\(last.itemID)…", .info, &state)
            return [.undo(itemID: last.itemID, decisionID: last.decisionID)] + selectionEffects(&state)
        }
        guard case .stored(let row) = state.selectedEntry else {
            message("nothing to undo here", .warning, &state)
            return []
        }
        state.pendingWrites += 1
        updateRow(row.itemID, &state) { $0.isWriting = true }
        message("undoing the latest decision on #\(row.itemID)…", .info, &state)
        return [.undo(itemID: row.itemID, decisionID: nil)]
    }

    private static func engineUnavailable(_ need: String, _ state: inout WorkbenchState) {
        if state.engine.isStarting {
            message(need + ", and it is still starting", .info, &state)
        } else {
            message(need + ", and it is off in this session (a quorum.toml with members starts it)", .warning, &state)
        }
    }

    private static func togglePause(_ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard state.engine.isAttached else {
            engineUnavailable("pausing needs the engine", &state)
            return []
        }
        if state.engine.isPausedForBacklog {
            let waiting = state.status.counts?.waiting ?? 0
            message("the engine waits for you: \(waiting) items await review (limit \(state.engine.maxAwaitingReview))",
                    .info, &state)
            return []
        }
        let pause = !state.engine.isPaused
        message(pause ? "pausing the engine…" : "resuming the engine…", .info, &state)
        return [.setEnginePaused(pause)]
    }

    static func applyTheme(_ name: String, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        state.themeName = name
        message("theme: \(name)", .info, &state)
        return [.applyTheme(name)]
    }

    private static func expandCandidate(forward: Bool, _ state: inout WorkbenchState) {
        let count: Int
        switch state.selectedEntry {
        case .stored: count = state.selectedItem?.candidates.count ?? 0
        case .live(let item): count = item.candidates.count
        case nil: count = 0
        }
        guard count > 0 else { return }
        switch (state.expandedCandidate, forward) {
        case (nil, true): state.expandedCandidate = 0
        case (nil, false): state.expandedCandidate = count - 1
        case (let current?, true): state.expandedCandidate = current + 1 < count ? current + 1 : nil
        case (let current?, false): state.expandedCandidate = current > 0 ? current - 1 : nil
        }
    }

    /// The selected item when a decision can be made on it, or nil with a message saying why not.
    static func decidableItem(_ state: inout WorkbenchState, allowStreaming: Bool = false) -> ItemPresentation? {
        switch state.selectedEntry {
        case nil:
            message("no item selected", .warning, &state)
            return nil
        case .live:
            message("this item is still being generated; decide once its candidates are in", .warning, &state)
            return nil
        case .stored(let row):
            if row.isWriting {
                message("a decision on #\(row.itemID) is being written", .info, &state)
                return nil
            }
            if state.rerun(of: row.itemID) != nil {
                message("#\(row.itemID) is being rerun; decide once its new candidates are in", .info, &state)
                return nil
            }
            if let browsing = state.setBrowsing, browsing.itemID == row.itemID, case .other = browsing.shown {
                message("an earlier set of #\(row.itemID) is shown; decisions apply to the current one (] or [ returns to it)",
                        .warning, &state)
                return nil
            }
            guard let item = state.details[row.itemID] else {
                message("#\(row.itemID) is still loading", .info, &state)
                return nil
            }
            if item.status == .streaming && !allowStreaming {
                message("#\(item.id) is still streaming; decide once its candidates are in", .warning, &state)
                return nil
            }
            return item
        }
    }

    /// Sends a decision, marks the row as being written and moves on to the next item.
    static func decide(_ itemID: Int64, _ action: DecisionAction, verb: String, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        state.pendingWrites += 1
        updateRow(itemID, &state) { $0.isWriting = true }
        message("\(verb) #\(itemID)…", .info, &state)
        var effects: [WorkbenchEffect] = [.decide(itemID: itemID, action)]
        if state.selectedEntry?.itemID == itemID {
            effects += moveCursor(to: state.queue.cursor + 1, &state)
        }
        return effects
    }
}
