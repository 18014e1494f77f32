import Foundation
import GRDB
import QuorumCore

/// What one bulk decision did.
public struct BatchOutcome: Sendable, Equatable {
    /// The batch's id (its first decision's); nil when nothing was decided.
    public var batchID: Int64?
    /// The items decided, ascending.
    public var itemIDs: [Int64]
    /// Items the filter showed that the action could not take (an accept with no consensus choice).
    public var skipped: Int

    public init(batchID: Int64?, itemIDs: [Int64], skipped: Int) {
        self.batchID = batchID
        self.itemIDs = itemIDs
        self.skipped = skipped
    }
}

extension StoreTransaction {
    /// The items a bulk decision over `selection` (and `search`) would decide: the pending
    /// ones it shows. Decided items are left alone; streaming ones are not finished.
    public func batchTargets(_ selection: QueueSelection, matching search: TextSearch? = nil) throws -> [Int64] {
        var conditions = ["i.\(Item.Columns.status.name) = '\(ItemStatus.pending.rawValue)'"]
        var arguments = StatementArguments()
        let statuses = selection.statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        conditions.append(statuses.isEmpty ? "0" : "i.\(Item.Columns.status.name) IN (\(statuses))")
        if let ids = selection.itemIDs {
            conditions.append("i.\(Item.Columns.id.name) IN (SELECT value FROM json_each(?))")
            arguments += [jsonIDList(ids)]
        }
        if let filter = selection.filter {
            let (sql, more) = FilterSQL(alias: "i").condition(filter)
            conditions.append(sql)
            arguments += more
        }
        if let search {
            let (sql, more) = search.condition(on: "i")
            conditions.append(sql)
            arguments += more
        }
        return try Int64.fetchAll(db, sql: """
            SELECT i.\(Item.Columns.id.name) FROM items i WHERE \(conditions.joined(separator: " AND ")) ORDER BY i.\(Item.Columns.id.name)
            """, arguments: arguments)
    }

    /// Accepts or rejects every item of `itemIDs` still pending, in this transaction, as one
    /// batch: each decision carries the batch's id, so one undo takes them all back. Items
    /// decided since the batch was planned are skipped. Written set-wise, not item by item:
    /// a pending item's state says all the log would (its set has a usable choice), so an
    /// accept only changes its status and a reject clears its output.
    public func decideBatch(
        _ action: DecisionAction, items itemIDs: [Int64], curator: String, at date: Date = Date()
    ) throws -> BatchOutcome {
        let reason: String?
        switch action {
        case .accept: reason = nil
        case .reject(let why): reason = why
        default: throw StoreError.refused("only accept and reject are made in bulk")
        }
        guard !curator.allSatisfy(\.isWhitespace) else { throw StoreError.invalid("a decision needs a curator name") }
        return try atomically {
            let batchID = try nextDecisionID()
            try db.execute(sql: """
                INSERT INTO decisions (item_id, kind, set_id, candidate, reason, curator, at, batch_id)
                SELECT i.id, ?, i.current_set_id, \(reason == nil ? "i.chosen" : "NULL"), CAST(? AS TEXT),
                    CAST(? AS TEXT), ?, ?
                FROM items i WHERE i.id IN (SELECT value FROM json_each(?)) AND i.status = 'pending'
                ORDER BY i.id
                """, arguments: [action.kind.rawValue, textArgument(reason), textArgument(curator), date, batchID,
                                 jsonIDList(itemIDs)])
            let decided = try batchItemIDs(batchID)
            guard !decided.isEmpty else { return BatchOutcome(batchID: nil, itemIDs: [], skipped: Set(itemIDs).count) }
            let newState = reason == nil
                ? "status = 'accepted'"
                : "status = 'rejected', output = NULL, chosen = NULL"
            try db.execute(sql: """
                UPDATE items SET \(newState), contested = 0 WHERE id IN (SELECT item_id FROM decisions WHERE batch_id = ?)
                """, arguments: [batchID])
            return BatchOutcome(batchID: batchID, itemIDs: decided, skipped: Set(itemIDs).count - decided.count)
        }
    }

    /// Undoes every decision of batch `batchID` still in force, in this transaction, as a
    /// batch of its own; returns what it undid. Where the batch's decision is still its
    /// item's latest, the item is pending again on the same set, as it was when the batch
    /// took it; items decided again since are undone through their whole log.
    public func undoBatch(_ batchID: Int64, curator: String, at date: Date = Date()) throws -> BatchOutcome {
        let members = try Row.fetchAll(db, sql: """
            SELECT d.id, d.item_id, d.id = (SELECT MAX(x.id) FROM decisions x WHERE x.item_id = d.item_id) AS is_latest
            FROM decisions d
            WHERE d.batch_id = ? AND NOT EXISTS (
                SELECT 1 FROM decisions u WHERE u.item_id = d.item_id AND u.kind = 'undo' AND u.target_id = d.id)
            ORDER BY d.id
            """, arguments: [batchID])
        guard !members.isEmpty else { throw StoreError.refused("batch \(batchID) has nothing left to undo") }
        return try atomically {
            let undoBatchID = try nextDecisionID()
            let latest = members.filter { $0["is_latest"] as Bool }.map { $0["id"] as Int64 }
            try db.execute(sql: """
                INSERT INTO decisions (item_id, kind, target_id, curator, at, batch_id)
                SELECT d.item_id, 'undo', d.id, CAST(? AS TEXT), ?, ? FROM decisions d
                WHERE d.id IN (SELECT value FROM json_each(?)) ORDER BY d.id
                """, arguments: [textArgument(curator), date, undoBatchID, jsonIDList(latest)])
            try db.execute(sql: """
                UPDATE items SET status = 'pending', contested = 0,
                    chosen = (SELECT s.consensus_choice FROM candidate_sets s WHERE s.id = items.current_set_id),
                    output = (SELECT c.text FROM candidate_sets s JOIN candidates c ON c.set_id = s.id
                              WHERE s.id = items.current_set_id AND c.position = s.consensus_choice)
                WHERE id IN (SELECT item_id FROM decisions WHERE batch_id = ?)
                """, arguments: [undoBatchID])
            for row in members where !(row["is_latest"] as Bool) {
                try append(.undo(decisionID: row["id"]), to: row["item_id"], curator: curator, at: date, batchID: undoBatchID)
            }
            return BatchOutcome(batchID: undoBatchID, itemIDs: try batchItemIDs(undoBatchID).sorted(), skipped: 0)
        }
    }

    private func batchItemIDs(_ batchID: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT item_id FROM decisions WHERE batch_id = ? ORDER BY id", arguments: [batchID])
    }

    /// The id the next decision will get: decisions are never deleted, so AUTOINCREMENT's
    /// sequence is the largest id ever given. A batch is named by its first decision's id,
    /// known before it is written (the log refuses updates).
    private func nextDecisionID() throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'decisions'), 0) + 1") ?? 1
    }
}

extension Store {
    /// `StoreTransaction.batchTargets`, read from a snapshot: what a bulk decision would decide.
    public func batchTargets(_ selection: QueueSelection, matching search: TextSearch? = nil) async throws -> [Int64] {
        try await read { db in try StoreTransaction(db: db).batchTargets(selection, matching: search) }
    }
}
