import Foundation
import QuorumStore

/// The decision an action makes on an item's log, or why it cannot take effect: the rules of
/// `StoreTransaction.append`, for the actions a PostgreSQL store takes (not reruns yet).
enum DecisionValidation {
    static func decision(
        for action: DecisionAction, log: DecisionLog, curator: String, note: String?, at date: Date, batchID: Int64?
    ) throws -> Decision {
        let itemID = log.itemID
        let state = log.derive()
        guard let set = log.sets[state.currentSetID] else { throw StoreError.unknownCandidateSet(state.currentSetID) }
        var decision = Decision(
            id: nil, itemID: itemID, kind: action.kind, setID: set.id, candidate: nil, text: nil, reason: nil,
            targetID: nil, curator: curator, at: date, note: note, batchID: batchID)
        func usable(_ position: Int?) -> Bool {
            guard let position, set.texts.indices.contains(position) else { return false }
            return set.texts[position] != nil
        }
        switch action {
        case .accept:
            guard set.isDecided, let choice = set.choice, usable(choice) else {
                throw StoreError.refused(
                    "item \(itemID) has no consensus choice to accept (it is \(state.status)); override or edit it")
            }
            decision.candidate = choice
        case .override(let candidate):
            guard usable(candidate) else {
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
        case .note(let text):
            guard !text.allSatisfy(\.isWhitespace) else { throw StoreError.refused("a note needs some text") }
            decision.note = text
        case .undo(let targetID):
            guard log.log.contains(where: { $0.id == targetID }) else { throw StoreError.unknownDecision(targetID) }
            guard log.activeEventIDs.contains(targetID) else { throw StoreError.refused("decision \(targetID) is already undone") }
            decision.setID = nil
            decision.targetID = targetID
        case .rerun:
            throw StoreError.refused("reruns are not made on a PostgreSQL store yet")
        }
        return decision
    }
}
