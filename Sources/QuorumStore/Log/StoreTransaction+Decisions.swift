import Foundation
import GRDB

extension StoreTransaction {
    /// Appends one event to `itemID`'s log, refusing events that could not take effect.
    @discardableResult
    public func append(
        _ action: DecisionAction, to itemID: Int64, curator: String, note: String? = nil, at date: Date = Date(),
        batchID: Int64? = nil
    ) throws -> Decision {
        try atomically { try appendValidated(action, to: itemID, curator: curator, note: note, at: date, batchID: batchID) }
    }

    private func appendValidated(
        _ action: DecisionAction, to itemID: Int64, curator: String, note: String?, at date: Date, batchID: Int64?
    ) throws -> Decision {
        guard !curator.allSatisfy(\.isWhitespace) else {
            throw StoreError.invalid("a decision needs a curator name")
        }
        var context = try ItemLogContext(db: db, itemID: itemID)
        let state = context.derive()
        guard let set = context.sets[state.currentSetID] else {
            throw StoreError.unknownCandidateSet(state.currentSetID)
        }
        var decision = Decision(
            id: nil, itemID: itemID, kind: action.kind, setID: set.id, candidate: nil, text: nil, reason: nil,
            targetID: nil, curator: curator, at: date, note: note, batchID: batchID)
        var newSetSummary: CandidateSetSummary?
        switch action {
        case .accept:
            guard set.isDecided, let choice = set.choice, set.usableText(at: choice) != nil else {
                throw StoreError.refused(
                    "item \(itemID) has no consensus choice to accept (it is \(state.status)); override or edit it")
            }
            decision.candidate = choice
        case .override(let candidate):
            guard set.usableText(at: candidate) != nil else {
                throw StoreError.refused(
                    "item \(itemID) has no usable candidate \(candidate) (it has \(set.texts.count))")
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
        case .rerun(let newSet):
            let ordinal = (try Int.fetchOne(
                db, sql: "SELECT MAX(ordinal) FROM candidate_sets WHERE item_id = ?", arguments: [itemID]) ?? 0) + 1
            let setID = try insertCandidateSet(newSet, itemID: itemID, ordinal: ordinal, at: date).id!
            decision.setID = setID
            newSetSummary = CandidateSetSummary(id: setID, newSet)
        case .note(let text):
            guard !text.allSatisfy(\.isWhitespace) else { throw StoreError.refused("a note needs some text") }
            decision.note = text
        case .undo(let targetID):
            guard let target = context.log.first(where: { $0.id == targetID }) else {
                if try Decision.exists(db, key: targetID) {
                    throw StoreError.refused("decision \(targetID) belongs to another item than \(itemID)")
                }
                throw StoreError.unknownDecision(targetID)
            }
            guard context.activeEventIDs.contains(targetID) else {
                throw StoreError.refused("decision \(targetID) is already undone")
            }
            decision.setID = nil
            decision.targetID = target.id
        }
        decision.id = try insertRow(decision)
        context.record(decision, newSet: newSetSummary)
        try writeCachedState(context.derive(), of: itemID)
        return decision
    }

    /// Undoes `decisionID`, whichever item it belongs to.
    @discardableResult
    public func undo(_ decisionID: Int64, curator: String, note: String? = nil, at date: Date = Date()) throws -> Decision {
        guard let target = try Decision.fetchOne(db, key: decisionID) else {
            throw StoreError.unknownDecision(decisionID)
        }
        return try append(.undo(decisionID: decisionID), to: target.itemID, curator: curator, note: note, at: date)
    }
}
