import Foundation
import PostgresNIO
import QuorumStore

extension PostgresStore {
    /// Appends one decision to `itemID`'s log and rewrites the item's derived state, in one
    /// transaction, refusing what could not take effect (as `StoreTransaction.append` does).
    /// With a `clientID`, a decision already stored under it is returned instead of a second.
    @discardableResult
    public func decide(
        _ action: DecisionAction, itemID: Int64, curator: String, clientID: UUID? = nil, note: String? = nil,
        at date: Date = Date()
    ) async throws -> Decision {
        if let clientID, let stored = try await decision(clientID: clientID) { return stored }
        do {
            return try await transaction { connection in
                try await Self.append(
                    action, itemID: itemID, curator: curator, clientID: clientID, note: note, at: date, batchID: nil,
                    connection, self)
            }
        } catch PostgresStoreError.duplicate where clientID != nil {
            // The same decision, retried while the first attempt committed.
            guard let stored = try await decision(clientID: clientID!) else { throw PostgresStoreError.refused("decision \(clientID!) was not stored") }
            return stored
        }
    }

    /// The decision stored under a client's id, if any.
    public func decision(clientID: UUID) async throws -> Decision? {
        let rows = try await query("SELECT item_id, id FROM decisions WHERE client_id = \(clientID)")
        guard let (itemID, id) = try await rows.decode((Int64, Int64).self).first(where: { _ in true }) else { return nil }
        return try await transaction { connection in
            try await DecisionLog.read(itemID: itemID, connection, self).log.first { $0.id == id }
        }
    }

    /// Accepts or rejects every item of `itemIDs` as one batch, in one transaction (each
    /// decision carries the id of the batch's first); an accept skips items with no
    /// consensus choice, and items no longer pending (under the team's policy) or already
    /// reviewed by `curator` are left alone.
    public func decideBatch(
        _ action: DecisionAction, items itemIDs: [Int64], curator: String, at date: Date = Date()
    ) async throws -> BatchOutcome {
        switch action {
        case .accept, .reject: break
        default: throw StoreError.refused("only accept and reject are made in bulk")
        }
        return try await transaction { connection in
            let batchID = try await connection.run(
                "SELECT nextval(pg_get_serial_sequence('decisions', 'id'))", self
            ).decode(Int64.self).first { _ in true }!
            let policy = try await Self.teamPolicy(connection, self, lock: true)
            var decided: [Int64] = []
            var skipped = 0
            for itemID in itemIDs {
                let log = try await DecisionLog.read(itemID: itemID, connection, self)
                let reviewed = log.derive(under: policy)
                guard reviewed.state.status == .pending, !reviewed.reviewers.contains(curator) else { continue }
                if case .accept = action, !Self.canAccept(log) {
                    skipped += 1
                    continue
                }
                try await Self.append(
                    action, itemID: itemID, curator: curator, clientID: nil, note: nil, at: date, batchID: batchID,
                    explicitID: decided.isEmpty ? batchID : nil, connection, self)
                decided.append(itemID)
            }
            return BatchOutcome(batchID: decided.isEmpty ? nil : batchID, itemIDs: decided, skipped: skipped)
        }
    }

    /// Undoes every decision of batch `batchID` still in force, as a batch of its own.
    public func undoBatch(_ batchID: Int64, curator: String, at date: Date = Date()) async throws -> BatchOutcome {
        try await transaction { connection in
            let members = try await connection.run("""
                SELECT d.id, d.item_id FROM decisions d
                WHERE d.batch_id = \(batchID) AND NOT EXISTS (
                    SELECT 1 FROM decisions u WHERE u.item_id = d.item_id AND u.kind = 'undo' AND u.target_id = d.id)
                ORDER BY d.id
                """, self).decode((Int64, Int64).self).collect()
            guard !members.isEmpty else { throw StoreError.refused("batch \(batchID) has nothing left to undo") }
            let undoBatchID = try await connection.run(
                "SELECT nextval(pg_get_serial_sequence('decisions', 'id'))", self
            ).decode(Int64.self).first { _ in true }!
            var undone: [Int64] = []
            for (decisionID, itemID) in members {
                try await Self.append(
                    .undo(decisionID: decisionID), itemID: itemID, curator: curator, clientID: nil, note: nil, at: date,
                    batchID: undoBatchID, explicitID: undone.isEmpty ? undoBatchID : nil, connection, self)
                undone.append(itemID)
            }
            return BatchOutcome(batchID: undoBatchID, itemIDs: undone, skipped: 0)
        }
    }

    private static func canAccept(_ log: DecisionLog) -> Bool {
        let state = log.derive()
        guard let set = log.sets[state.currentSetID], set.isDecided, let choice = set.choice,
              set.texts.indices.contains(choice) else { return false }
        return set.texts[choice] != nil
    }

    @discardableResult
    private static func append(
        _ action: DecisionAction, itemID: Int64, curator: String, clientID: UUID?, note: String?, at date: Date,
        batchID: Int64?, explicitID: Int64? = nil, _ connection: PostgresConnection, _ store: PostgresStore
    ) async throws -> Decision {
        // The policy before the item's row, in the order `adopt` locks them.
        let policy = try await teamPolicy(connection, store, lock: true)
        var log = try await DecisionLog.read(itemID: itemID, connection, store)
        var decision = try DecisionRules.decision(
            for: action, itemID: itemID, sets: log.sets, log: log.log, state: log.derive(), curator: curator, note: note,
            at: date, batchID: batchID)
        if case .rerun(let newSet) = action {
            let setID = try await insertRerunSet(newSet, itemID: itemID, at: date, connection, store)
            decision.setID = setID
            log.sets[setID] = CandidateSetSummary(id: setID, newSet)
        }
        let kind = decision.kind.rawValue
        let at = StoredTime.text(date)
        let rows = try await connection.run("""
            INSERT INTO decisions (id, item_id, kind, set_id, candidate, text, reason, target_id, curator, at, note, batch_id, client_id)
            VALUES (COALESCE(\(explicitID), nextval(pg_get_serial_sequence('decisions', 'id'))), \(itemID), \(kind),
                \(decision.setID), \(decision.candidate), \(decision.text), \(decision.reason), \(decision.targetID),
                \(curator), \(at), \(decision.note), \(batchID), \(clientID))
            RETURNING id
            """, store)
        decision.id = try await rows.decode(Int64.self).first { _ in true }
        decision.at = StoredTime.date(at) ?? date
        log.log.append(decision)
        try await writeDerivedStates([log], policy, connection, store)
        try await announce(.decided(itemID: itemID, curator: curator), connection, store)
        return decision
    }
}

extension PostgresStore {
    /// The pending items a bulk decision over `selection` would decide, its filter evaluated
    /// on each item as an export's is, read from one snapshot; `decideBatch` checks each again
    /// under its row lock, so an item decided since by another curator is left alone.
    public func batchTargets(_ selection: QueueSelection) async throws -> [Int64] {
        guard selection.statuses.contains(.pending) else { return [] }
        return try await transaction(isolation: .repeatableRead) { connection in
            var targets: [Int64] = []
            try await ExportedItem.forEach(statuses: [.pending], itemIDs: selection.itemIDs, connection, self) { exported in
                if exported.passes(selection.filter) { targets.append(exported.item.id) }
            }
            return targets
        }
    }
}
