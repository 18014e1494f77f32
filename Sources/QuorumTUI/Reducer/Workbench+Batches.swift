// QuorumTUI/Reducer: The reducer: every action (key, result, engine event) applied to the state, returning the
// effects to perform.

import QuorumStore

/// `:accept` and `:reject` over the queue's filter: the store finds the items, the curator
/// confirms the count, the store decides them in one transaction, and `u` takes the batch back.
extension Workbench {
    static func planBatch(_ action: DecisionAction, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard state.spotCheck == nil else {
            message("bulk decisions are not made in a spot-check: judge each sampled item", .warning, &state)
            return []
        }
        message("finding the pending items of \(scope(state.queue.query))…", .info, &state)
        return [.planBatch(state.queue.query, action)]
    }

    static func batchPlanned(_ plan: BatchPlan, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard !plan.itemIDs.isEmpty else {
            message("no pending item in \(plan.scope) to \(plan.verb)", .warning, &state)
            return []
        }
        state.overlay = .prompt(Prompt(.confirmBatch(plan)))
        return []
    }

    static func confirmBatch(_ plan: BatchPlan, answer: String, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard ["y", "yes"].contains(answer.lowercased()) else {
            message("nothing decided", .info, &state)
            return []
        }
        state.pendingWrites += 1
        message("\(plan.verb == "accept" ? "accepting" : "rejecting") \(plan.itemIDs.count) items…", .info, &state)
        return [.decideBatch(plan)]
    }

    static func batchDecided(_ result: BatchResult, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        state.pendingWrites = max(0, state.pendingWrites - 1)
        let outcome = result.outcome
        let count = outcome.itemIDs.count
        let items = count == 1 ? "1 item" : "\(count) items"
        state.progress.decisions += result.undid == nil ? count : -count
        if let undone = result.undid {
            state.undoTrail.removeAll { $0.batchID == undone }
            message("undid the batch of \(items)", .success, &state)
        } else if let batchID = outcome.batchID, let first = outcome.itemIDs.first {
            state.undoTrail.append(DecisionReference(itemID: first, decisionID: batchID, batchID: batchID))
            var text = "decided \(items) as one batch (u undoes it)"
            if outcome.skipped > 0 { text += "; \(outcome.skipped) decided meanwhile were left as they are" }
            message(text, .success, &state)
        } else {
            message("nothing was decided", .warning, &state)
        }
        return reloadQueue(&state) + [.loadCounts]
    }

    /// `u` on a bulk decision.
    static func undoBatch(_ reference: DecisionReference, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard let batchID = reference.batchID else { return [] }
        state.pendingWrites += 1
        message("undoing the last bulk decision…", .info, &state)
        return [.undoBatch(batchID: batchID)]
    }

    /// The queue read again from the start under the same query, the cursor kept on its item
    /// when it is still listed.
    static func reloadQueue(_ state: inout WorkbenchState) -> [WorkbenchEffect] {
        let query = state.queue.query
        let generation = state.queue.generation + 1
        state.queue = QueueState()
        state.queue.query = query
        state.queue.generation = generation
        state.queue.isLoading = true
        return [.loadPage(query, after: .start, limit: state.settings.pageSize, generation: generation)]
    }

    public static func scope(_ query: QueueQuery) -> String {
        var text = query.filter.label
        if !query.search.isEmpty { text += " matching \"\(query.search)\"" }
        return text
    }
}
