import QuorumCore
import QuorumStore

extension Workbench {
    static func pageLoaded(_ page: QueuePage, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard page.generation == state.queue.generation else { return [] }
        for row in page.rows { insertRow(row, &state) }
        for detail in page.details {
            guard let id = detail.item.id, let index = state.queue.rowIndex(of: id), isNearCursor(index, state) else { continue }
            state.details[id] = ItemPresentation(detail)
        }
        state.queue.loadedThrough = max(state.queue.loadedThrough, page.readThrough)
        state.queue.isExhausted = page.isLast
        state.queue.isLoading = false
        resumeWhereTheCuratorLeftOff(&state)
        return selectionEffects(&state)
    }

    /// Puts the cursor on the first row after the curator's last decision; while the pages
    /// read so far end before it, the cursor waits on the last row, which asks for the next.
    private static func resumeWhereTheCuratorLeftOff(_ state: inout WorkbenchState) {
        guard let resume = state.queue.resume else { return }
        if let index = state.queue.rows.firstIndex(where: { $0.sortKey > resume.key && state.queue.deferrals[$0.itemID] == nil }) {
            state.queue.cursor = index
            state.queue.resume = nil
            if index > 0 { message("back where you left off, after #\(resume.itemID) (g goes to the top)", .info, &state) }
        } else if state.queue.isExhausted {
            state.queue.resume = nil
        } else {
            state.queue.cursor = max(0, state.queue.rows.count - 1)
        }
    }

    /// `counted`: the counts already hold an arrived item (one handed over, not new).
    static func itemLoaded(
        _ detail: ItemDetail, arrived: Bool, counted: Bool = false, _ state: inout WorkbenchState
    ) -> [WorkbenchEffect] {
        guard let id = detail.item.id else { return [] }
        // A read taken before a decision committed can arrive after it: the newer state stays.
        if let shown = state.details[id], shown.logPosition > detail.logPosition {
            return selectionEffects(&state)
        }
        if arrived {
            if !counted { state.status.counts?.move(from: nil, to: detail.item.status) }
            // An item sorting before the pages read so far is listed now; one after them comes
            // with the next page, or now when there is none to come.
            let key = state.queue.query.order.key(of: detail)
            // A discarded arrival stays listed, saying why, so nothing leaves without a word.
            let discarded = detail.item.status == .discarded && !state.queue.query.matches(detail)
            if discarded {
                let why = detail.candidateSet.consensus?.discard == .emptyChoice ? "its choice is empty" : "its candidates do not agree"
                message("#\(id) was discarded: \(why); 0–9 takes a candidate anyway, r reruns it", .warning, &state)
            }
            if state.queue.rowIndex(of: id) == nil,
               discarded || (state.queue.query.matches(detail) && (key < state.queue.loadedThrough || state.queue.isExhausted))
            {
                let index = insertRow(detail, &state)
                state.queue.loadedThrough = max(state.queue.loadedThrough, key)
                if let index, state.followedArrival == id { state.queue.cursor = index }
            }
            if state.followedArrival == id { state.followedArrival = nil }
        }
        if let index = state.queue.rowIndex(of: id) {
            let previous = state.queue.rows[index].status
            if !arrived && previous != detail.item.status && !state.queue.rows[index].isWriting {
                state.status.counts?.move(from: previous, to: detail.item.status)
            }
        }
        if let before = state.rerunBefore.removeValue(forKey: id), before == detail.candidates.map(\.text) {
            message("#\(id) has new candidates, the same \(before.count) texts as before (at temperature 0 a rerun always gives them)",
                    .warning, &state)
        }
        // A new current set (a rerun stored, or undone) makes the sets read before out of date.
        if state.setBrowsing?.itemID == id, state.details[id]?.setOrdinal != detail.candidateSet.ordinal {
            state.setBrowsing = nil
        }
        // While a decision is being written its result moves the row's status and the counts.
        updateRow(id, &state) { if !$0.isWriting { $0.status = detail.item.status } }
        state.details[id] = ItemPresentation(detail)
        var effects = selectionEffects(&state)
        if arrived { effects += backlogEffects(&state) }
        return effects
    }

    static func decisionRecorded(_ outcome: DecisionOutcome, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        state.pendingWrites = max(0, state.pendingWrites - 1)
        let detail = outcome.item
        guard let id = detail.item.id else { return [] }
        let previous = state.queue.rowIndex(of: id).map { state.queue.rows[$0].status } ?? state.details[id]?.status
        if previous != detail.item.status {
            state.status.counts?.move(from: previous, to: detail.item.status)
        }
        updateRow(id, &state) {
            $0.status = detail.item.status
            $0.isWriting = false
        }
        if state.setBrowsing?.itemID == id, state.details[id]?.setOrdinal != detail.candidateSet.ordinal {
            state.setBrowsing = nil
        }
        state.details[id] = ItemPresentation(detail)
        let decision = outcome.decision
        state.progress.decisions += decision.kind == .undo ? -1 : decision.kind == .note ? 0 : 1
        if decision.kind == .undo {
            state.undoTrail.removeAll { $0.decisionID == decision.targetID }
            message("undone on #\(id): it is \(detail.item.status.rawValue) again", .success, &state)
        } else if decision.kind == .note {
            // A note is not a decision: u leaves it alone.
            message(recordedMessage(decision, id), .success, &state)
        } else if let decisionID = decision.id {
            state.undoTrail.append(DecisionReference(itemID: id, decisionID: decisionID))
            message(recordedMessage(decision, id), .success, &state)
        }
        let verdict: [WorkbenchEffect] = state.spotCheck?.contains(id) == true ? [.loadVerdict(id)] : []
        return selectionEffects(&state) + backlogEffects(&state) + verdict
    }

    /// Updates the spot-check's estimate, and says so once the target is met.
    static func verdictLoaded(_ itemID: Int64, _ verdict: ErrorRateEstimate.Verdict?, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard var spotCheck = state.spotCheck else { return [] }
        let wasMet = spotCheck.isTargetMet
        spotCheck.record(verdict, for: itemID)
        state.spotCheck = spotCheck
        if !wasMet, spotCheck.isTargetMet, let target = spotCheck.target,
           let upper = spotCheck.estimate.overall.interval?.upper
        {
            message("target \(Format.percent(target)) met: the overall upper bound is \(Format.percent(upper)); "
                + "the spot-check can stop (q)", .success, &state)
        }
        return []
    }

    private static func recordedMessage(_ decision: Decision, _ id: Int64) -> String {
        switch decision.kind {
        case .accept: return "accepted #\(id)" + (decision.candidate.map { " (candidate \($0))" } ?? "")
        case .override: return "#\(id) takes candidate \(decision.candidate ?? 0)"
        case .edit: return "edited #\(id)"
        case .reject: return "rejected #\(id): " + VisibleText.escaped(decision.reason ?? "")
        case .rerun: return "rerun of #\(id) recorded"
        case .undo: return "undone on #\(id)"
        case .note: return "note added to #\(id)"
        }
    }

    static func editorFinished(_ itemID: Int64, basedOn: Int?, text: String?, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard let text else {
            message("edit of #\(itemID) cancelled", .info, &state)
            return []
        }
        guard !text.allSatisfy(\.isWhitespace) else {
            message("the edit of #\(itemID) is empty; reject the item with x instead", .warning, &state)
            return []
        }
        if let item = state.details[itemID] {
            let current = item.editedOutput?.original ?? basedOn.flatMap { item.candidates.indices.contains($0) ? item.candidates[$0].text.original : nil }
            if current == text {
                message("#\(itemID) unchanged", .info, &state)
                return []
            }
        }
        return decide(itemID, .edit(text: text, basedOn: basedOn), verb: "saving the edit of", &state)
    }

    /// Pauses the engine when `maxAwaitingReview` items await review, and resumes it once
    /// the curator has caught up.
    static func backlogEffects(_ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard state.engine.isAttached, let counts = state.status.counts else { return [] }
        let waiting = counts.waiting
        let limit = state.engine.maxAwaitingReview
        if waiting >= limit && !state.engine.isPaused && !state.engine.isPausedForBacklog {
            state.engine.isPausedForBacklog = true
            return [.setEnginePaused(true)]
        }
        if waiting < limit && state.engine.isPausedForBacklog {
            state.engine.isPausedForBacklog = false
            return [.setEnginePaused(false)]
        }
        return []
    }
}
