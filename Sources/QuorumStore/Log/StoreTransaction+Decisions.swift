import Foundation
import GRDB

extension StoreTransaction {
    /// Appends one event to `itemID`'s log, refusing events that could not take effect.
    @discardableResult
    public func append(
        _ action: DecisionAction, to itemID: Int64, curator: String, note: String? = nil, at date: Date = Date(),
        batchID: Int64? = nil
    ) throws -> Decision {
        try atomically {
            let decision = try appendValidated(action, to: itemID, curator: curator, note: note, at: date, batchID: batchID)
            if decision.kind == .undo {
                try keepInstanceRerunsSingle(after: decision, curator: curator, at: date)
            }
            return decision
        }
    }

    /// The item an undo of `decision` on `itemID` also changed, when it undid an instance
    /// rerun's rejection (or undid that undo): the rerun's new item.
    public func linkedInstanceRerun(ofUndo decision: Decision) throws -> Int64? {
        guard let target = try decision.targetID.flatMap({ try Decision.fetchOne(db, key: $0) }) else { return nil }
        if target.kind == .reject { return InstanceRerunLink.newItem(inReason: target.reason) }
        guard target.kind == .undo, let inner = try target.targetID.flatMap({ try Decision.fetchOne(db, key: $0) }),
              inner.kind == .reject
        else { return nil }
        return InstanceRerunLink.newItem(inReason: inner.reason)
    }

    /// Undoing an instance rerun's rejection brings the old item back, so the rerun's new
    /// item is withdrawn (rejected, saying why) in the same transaction; undoing that undo
    /// brings the new item back. A new item a curator has decided is not thrown away: the
    /// undo is refused until that decision is undone.
    private func keepInstanceRerunsSingle(after undo: Decision, curator: String, at date: Date) throws {
        guard let newItemID = try linkedInstanceRerun(ofUndo: undo),
              let target = try undo.targetID.flatMap({ try Decision.fetchOne(db, key: $0) })
        else { return }
        let oldItemID = undo.itemID
        if target.kind == .reject {
            let status = try derivedState(of: newItemID).status
            switch status {
            case .rejected:
                return
            case .pending, .discarded, .streaming:
                _ = try appendValidated(
                    .reject(reason: InstanceRerunLink.withdrawnReason(rerunOf: oldItemID)), to: newItemID, curator: curator,
                    note: nil, at: date, batchID: nil)
            case .accepted, .overridden, .edited:
                throw StoreError.refused(
                    "item \(newItemID), the instance rerun of item \(oldItemID), is \(status.rawValue); "
                        + "undo that decision before bringing item \(oldItemID) back")
            }
        } else {
            let active = Set(try activeDecisionIDs(of: newItemID))
            let withdrawal = try Decision.filter(Column("item_id") == newItemID).order(Column("id")).fetchAll(db).last {
                active.contains($0.id!) && $0.kind == .reject
                    && InstanceRerunLink.isWithdrawal($0.reason, rerunOf: oldItemID)
            }
            if let withdrawal {
                _ = try appendValidated(
                    .undo(decisionID: withdrawal.id!), to: newItemID, curator: curator, note: nil, at: date, batchID: nil)
            }
        }
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

extension Store {
    /// `StoreTransaction.linkedInstanceRerun`, read from a snapshot.
    public func linkedInstanceRerun(ofUndo decision: Decision) async throws -> Int64? {
        try await read { try StoreTransaction(db: $0).linkedInstanceRerun(ofUndo: decision) }
    }
}
