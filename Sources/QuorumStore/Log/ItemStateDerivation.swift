/// The pure function from an item's log to its state; the cached columns must equal it.
///
/// 1. Active events: walking the log newest first, an active undo cancels its target, so an
///    undo of an undo re-applies the original and undo needs no depth limit.
/// 2. The current candidate set is the one of the last active rerun, else the first set.
/// 3. The outcome is the last active accept/override/edit/reject made on the current set
///    that can take effect there; undoing a rerun thus brings back what was decided before it.
public enum ItemStateDerivation {
    /// Ids of the events that still apply. `log` must be one item's events in id order.
    public static func activeEventIDs(_ log: [Decision]) -> Set<Int64> {
        var cancelled = Set<Int64>()
        var active = Set<Int64>()
        for event in log.reversed() {
            guard let id = event.id, !cancelled.contains(id) else { continue }
            active.insert(id)
            if event.kind == .undo, let target = event.targetID {
                cancelled.insert(target)
            }
        }
        return active
    }

    public static func derive(
        initialSetID: Int64, sets: [Int64: CandidateSetSummary], log: [Decision]
    ) -> DerivedItemState {
        let activeIDs = activeEventIDs(log)
        let active = log.filter { $0.id.map(activeIDs.contains) ?? false }
        let currentSetID = active.last(where: { $0.kind == .rerun })?.setID ?? initialSetID
        guard let set = sets[currentSetID] else {
            return DerivedItemState(status: .streaming, output: nil, chosen: nil, currentSetID: currentSetID)
        }
        let outcome = active.last { event in
            event.kind.isOutcome && event.setID == currentSetID && canTakeEffect(event, on: set)
        }
        guard let outcome else { return undecidedState(of: set) }
        return state(of: outcome, on: set)
    }

    /// The state an outcome event (accept, override, edit, reject) gives an item on `set`.
    static func state(of outcome: Decision, on set: CandidateSetSummary) -> DerivedItemState {
        switch outcome.kind {
        case .accept:
            return DerivedItemState(
                status: .accepted, output: set.usableText(at: set.choice), chosen: set.choice, currentSetID: set.id)
        case .override:
            return DerivedItemState(
                status: .overridden, output: set.usableText(at: outcome.candidate), chosen: outcome.candidate,
                currentSetID: set.id)
        case .edit:
            return DerivedItemState(status: .edited, output: outcome.text, chosen: nil, currentSetID: set.id)
        case .reject:
            return DerivedItemState(status: .rejected, output: nil, chosen: nil, currentSetID: set.id)
        case .rerun, .undo, .note:
            return undecidedState(of: set)
        }
    }

    static func canTakeEffect(_ event: Decision, on set: CandidateSetSummary) -> Bool {
        switch event.kind {
        case .accept: return set.isDecided && set.usableText(at: set.choice) != nil
        case .override: return set.usableText(at: event.candidate) != nil
        case .edit: return event.text != nil
        case .reject: return true
        case .rerun, .undo, .note: return false
        }
    }

    static func undecidedState(of set: CandidateSetSummary) -> DerivedItemState {
        guard set.isDecided else {
            return DerivedItemState(status: .streaming, output: nil, chosen: nil, currentSetID: set.id)
        }
        guard let text = set.usableText(at: set.choice) else {
            return DerivedItemState(status: .discarded, output: nil, chosen: nil, currentSetID: set.id)
        }
        return DerivedItemState(status: .pending, output: text, chosen: set.choice, currentSetID: set.id)
    }
}
