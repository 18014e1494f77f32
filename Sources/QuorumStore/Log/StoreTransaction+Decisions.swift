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
        var context = try ItemLogContext(db: db, itemID: itemID)
        if case .undo(let targetID) = action, !context.log.contains(where: { $0.id == targetID }),
           try Decision.exists(db, key: targetID)
        {
            throw StoreError.refused("decision \(targetID) belongs to another item than \(itemID)")
        }
        let state = context.derive()
        var decision = try DecisionRules.decision(
            for: action, itemID: itemID, sets: context.sets, log: context.log, state: state, curator: curator,
            note: note, at: date, batchID: batchID)
        var newSetSummary: CandidateSetSummary?
        if case .rerun(let newSet) = action {
            let ordinal = (try Int.fetchOne(
                db, sql: "SELECT MAX(ordinal) FROM candidate_sets WHERE item_id = ?", arguments: [itemID]) ?? 0) + 1
            let setID = try insertCandidateSet(newSet, itemID: itemID, ordinal: ordinal, at: date).id!
            decision.setID = setID
            newSetSummary = CandidateSetSummary(id: setID, newSet)
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
