import Foundation

/// What an action records on an item, or why it cannot take effect: the rules both backends
/// apply before appending a decision to an item's log. A rerun is recorded on the current set
/// here; its new set is the caller's to store (and the decision's `setID` then the new one's).
public enum DecisionRules {
    public static func decision(
        for action: DecisionAction, itemID: Int64, sets: [Int64: CandidateSetSummary], log: [Decision],
        state: DerivedItemState, curator: String, note: String?, at date: Date, batchID: Int64?
    ) throws -> Decision {
        guard !curator.allSatisfy(\.isWhitespace) else { throw StoreError.invalid("a decision needs a curator name") }
        guard let set = sets[state.currentSetID] else { throw StoreError.unknownCandidateSet(state.currentSetID) }
        var decision = Decision(
            id: nil, itemID: itemID, kind: action.kind, setID: set.id, candidate: nil, text: nil, reason: nil,
            targetID: nil, curator: curator, at: date, note: note, batchID: batchID)
        switch action {
        case .accept:
            guard set.isDecided, let choice = set.choice, set.usableText(at: choice) != nil else {
                throw StoreError.refused(
                    "item \(itemID) has no consensus choice to accept (it is \(state.status)); override or edit it")
            }
            decision.candidate = choice
        case .override(let candidate):
            guard set.usableText(at: candidate) != nil else {
                throw StoreError.refused("item \(itemID) has no usable candidate \(candidate) (it has \(set.texts.count))")
            }
            decision.candidate = candidate
        case .edit(let text, let basedOn):
            guard !text.allSatisfy(\.isWhitespace) else {
                throw StoreError.refused("an edit needs some text; reject the item to drop it")
            }
            decision.text = text
            decision.candidate = basedOn
        case .reject(let reason):
            decision.reason = reason
        case .rerun:
            break
        case .note(let text):
            guard !text.allSatisfy(\.isWhitespace) else { throw StoreError.refused("a note needs some text") }
            decision.note = text
        case .undo(let targetID):
            guard log.contains(where: { $0.id == targetID }) else { throw StoreError.unknownDecision(targetID) }
            guard ItemStateDerivation.activeEventIDs(log).contains(targetID) else {
                throw StoreError.refused("decision \(targetID) is already undone")
            }
            decision.setID = nil
            decision.targetID = targetID
        }
        return decision
    }
}
