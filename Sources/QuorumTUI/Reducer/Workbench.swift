/// The workbench's reducer: `(state, action) -> (state, effects)`, pure. The shell performs
/// the effects and feeds their results back as actions; the renderer draws the state.
public enum Workbench {
    /// The effects that fill a fresh state: its first page and the store's counts.
    public static func start(_ state: inout WorkbenchState) -> [WorkbenchEffect] {
        state.queue.isLoading = true
        return [
            .loadPage(state.queue.query, after: .start, limit: state.settings.pageSize, generation: state.queue.generation),
            .loadCounts,
        ]
    }

    public static func reduce(_ state: inout WorkbenchState, _ action: WorkbenchAction) -> [WorkbenchEffect] {
        let message = state.status.message
        let effects = apply(action, &state)
        if state.status.message != message { state.status.messageShownAt = state.progress.elapsedSeconds }
        return effects
    }

    private static func apply(_ action: WorkbenchAction, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        switch action {
        case .key(let key):
            return handleKey(key, &state)
        case .resized(let size):
            state.viewport = size
            return selectionEffects(&state)
        case .pageLoaded(let page):
            let effects = pageLoaded(page, &state)
            return effects + drainQueuedKeys(&state)
        case .itemLoaded(let detail):
            let effects = itemLoaded(detail, arrived: false, &state)
            return effects + drainQueuedKeys(&state)
        case .itemArrived(let detail):
            let effects = itemLoaded(detail, arrived: true, &state)
            return effects + drainQueuedKeys(&state)
        case .itemClaimed(let detail):
            let effects = itemLoaded(detail, arrived: true, counted: true, &state)
            return effects + drainQueuedKeys(&state)
        case .teamStatus(let team):
            state.status.team = team
            return []
        case .countsLoaded(let counts):
            state.status.counts = counts
            return backlogEffects(&state)
        case .decisionRecorded(let outcome):
            return decisionRecorded(outcome, &state)
        case .decisionFailed(let itemID, let message):
            state.pendingWrites = max(0, state.pendingWrites - 1)
            updateRow(itemID, &state) { $0.isWriting = false }
            state.status.message = StatusMessage(message, .error)
            return []
        case .clock(let elapsed):
            state.progress.elapsedSeconds = elapsed
            if let shown = state.status.message, shown.severity == .info || shown.severity == .success,
               elapsed - state.status.messageShownAt >= StatusBarState.messageSeconds {
                state.status.message = nil
            }
            return []
        case .batchPlanned(let plan):
            return batchPlanned(plan, &state)
        case .batchDecided(let result):
            return batchDecided(result, &state)
        case .editorFinished(let itemID, let basedOn, let text):
            return editorFinished(itemID, basedOn: basedOn, text: text, &state)
        case .engine(let event):
            return state.apply(event)
        case .rerunEnded(let ticket, let itemID, let decisionID, let failure):
            state.endRerun(ticket: ticket, itemID: itemID, failure: failure)
            if let decisionID { state.undoTrail.append(DecisionReference(itemID: itemID, decisionID: decisionID)) }
            return selectionEffects(&state)
        case .memberStatistics(let statistics):
            state.status.endpoints = statistics
            return []
        case .engineStarting:
            state.engine.isStarting = true
            return []
        case .engineStatus(let attached, let paused):
            state.engine.isStarting = false
            state.engine.isAttached = attached
            state.engine.isPaused = paused
            if !paused { state.engine.isPausedForBacklog = false }
            return backlogEffects(&state)
        case .statsLoaded(let snapshot):
            return statsLoaded(.loaded(snapshot), &state)
        case .statsFailed(let problem):
            return statsLoaded(.failed(problem), &state)
        case .verdictLoaded(let itemID, let verdict):
            return verdictLoaded(itemID, verdict, &state)
        case .historyLoaded(let itemID, let log):
            state.histories = state.histories.filter { state.details[$0.key] != nil }
            state.histories[itemID] = ItemHistory(log)
            return []
        case .candidateSetsLoaded(let itemID, let details):
            return candidateSetsLoaded(itemID, details, &state)
        case .rejectReasonsLoaded(let reasons):
            return rejectReasonsLoaded(reasons, &state)
        case .sharedTokensAligned(let itemID, let alignment):
            state.details[itemID]?.absorb(alignment)
            return []
        case .notice(let message):
            state.status.message = message
            return []
        case .effectFailed(let message):
            state.queuedKeys = []
            state.status.message = StatusMessage(message, .error)
            return []
        case .interrupted:
            state.isQuitting = true
            state.wasInterrupted = true
            return [.quit]
        }
    }

    static func message(_ text: String, _ severity: StatusMessage.Severity = .info, _ state: inout WorkbenchState) {
        state.status.message = StatusMessage(text, severity)
    }
}
