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
            arguments += ["[" + ids.map(String.init).joined(separator: ",") + "]"]
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

    /// Accepts or rejects every item of `itemIDs` in this transaction, as one batch: each
    /// decision carries the batch's id, so one undo takes them all back. An accept skips
    /// items with no consensus choice; any other refusal ends the batch with nothing written.
    public func decideBatch(
        _ action: DecisionAction, items itemIDs: [Int64], curator: String, at date: Date = Date()
    ) throws -> BatchOutcome {
        switch action {
        case .accept, .reject: break
        default: throw StoreError.refused("only accept and reject are made in bulk")
        }
        return try atomically {
            let batchID = try nextDecisionID()
            var decided: [Int64] = []
            var skipped = 0
            for itemID in itemIDs {
                do {
                    try append(action, to: itemID, curator: curator, at: date, batchID: batchID)
                } catch StoreError.refused where action == .accept {
                    skipped += 1
                    continue
                }
                decided.append(itemID)
            }
            return BatchOutcome(batchID: decided.isEmpty ? nil : batchID, itemIDs: decided, skipped: skipped)
        }
    }

    /// Undoes every decision of batch `batchID` still in force, in this transaction, as a
    /// batch of its own; returns what it undid.
    public func undoBatch(_ batchID: Int64, curator: String, at date: Date = Date()) throws -> BatchOutcome {
        let members = try Row.fetchAll(db, sql: """
            SELECT d.id, d.item_id FROM decisions d
            WHERE d.batch_id = ? AND NOT EXISTS (
                SELECT 1 FROM decisions u WHERE u.item_id = d.item_id AND u.kind = 'undo' AND u.target_id = d.id)
            ORDER BY d.id
            """, arguments: [batchID])
        guard !members.isEmpty else { throw StoreError.refused("batch \(batchID) has nothing left to undo") }
        return try atomically {
            let undoBatchID = try nextDecisionID()
            var undone: [Int64] = []
            for row in members {
                try append(.undo(decisionID: row["id"]), to: row["item_id"], curator: curator, at: date, batchID: undoBatchID)
                undone.append(row["item_id"])
            }
            return BatchOutcome(batchID: undoBatchID, itemIDs: undone, skipped: 0)
        }
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
