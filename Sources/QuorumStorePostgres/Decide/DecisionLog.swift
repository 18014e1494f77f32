// QuorumStorePostgres/Decide: Decisions on PostgreSQL: the same append-only log and derived state as SQLite, client-made ids.

import Foundation
import PostgresNIO
import QuorumStore

/// One item's candidate sets and log, read with the item's row locked (`FOR UPDATE`), so two
/// curators deciding the same item are serialised and each derives from the other's result.
struct DecisionLog {
    let itemID: Int64
    var initialSetID: Int64
    var sets: [Int64: CandidateSetSummary]
    var log: [Decision]

    static func read(itemID: Int64, _ connection: PostgresConnection, _ store: PostgresStore) async throws -> DecisionLog {
        let locked = try await connection.run("SELECT id FROM items WHERE id = \(itemID) FOR UPDATE", store)
            .decode(Int64.self).first { _ in true }
        guard locked != nil else { throw StoreError.unknownItem(itemID) }
        return try await read(itemIDs: [itemID], connection, store)[itemID]!
    }

    /// The logs of `itemIDs` (rows the caller has locked), in a few statements for all of them.
    static func read(itemIDs: [Int64], _ connection: PostgresConnection, _ store: PostgresStore) async throws -> [Int64: DecisionLog] {
        var logs: [Int64: DecisionLog] = [:]
        for itemID in itemIDs { logs[itemID] = DecisionLog(itemID: itemID, initialSetID: 0, sets: [:], log: []) }
        var setItems: [Int64: Int64] = [:]
        let setRows = try await connection.run("""
            SELECT item_id, id, consensus_rule IS NOT NULL, consensus_choice FROM candidate_sets
            WHERE item_id = ANY(\(itemIDs)) ORDER BY item_id, ordinal
            """, store)
        for try await (itemID, id, decided, choice) in setRows.decode((Int64, Int64, Bool, Int?).self) {
            if logs[itemID]?.sets.isEmpty == true { logs[itemID]?.initialSetID = id }
            logs[itemID]?.sets[id] = CandidateSetSummary(id: id, isDecided: decided, choice: choice, texts: [])
            setItems[id] = itemID
        }
        let candidateRows = try await connection.run("""
            SELECT c.set_id, c.position, c.text, c.error IS NOT NULL
            FROM candidates c JOIN candidate_sets s ON s.id = c.set_id
            WHERE s.item_id = ANY(\(itemIDs)) ORDER BY c.set_id, c.position
            """, store)
        for try await (setID, position, text, failed) in candidateRows.decode((Int64, Int, String, Bool).self) {
            guard let itemID = setItems[setID], var set = logs[itemID]?.sets[setID] else { continue }
            while set.texts.count <= position { set.texts.append(nil) }
            set.texts[position] = failed ? nil : text
            logs[itemID]?.sets[setID] = set
        }
        let decisionRows = try await connection.run("""
            SELECT id, item_id, kind, set_id, candidate, text, reason, target_id, curator, at, note, batch_id
            FROM decisions WHERE item_id = ANY(\(itemIDs)) ORDER BY id
            """, store)
        for try await (id, itemID, kind, setID, candidate, text, reason, targetID, curator, at, note, batchID)
            in decisionRows.decode((Int64, Int64, String, Int64?, Int?, String?, String?, Int64?, String, String, String?, Int64?).self)
        {
            guard let kind = DecisionKind(rawValue: kind) else {
                throw StoreError.invalid("decision \(id) has an unknown kind \(kind)")
            }
            logs[itemID]?.log.append(Decision(
                id: id, itemID: itemID, kind: kind, setID: setID, candidate: candidate, text: text, reason: reason,
                targetID: targetID, curator: curator, at: StoredTime.date(at) ?? .distantPast, note: note, batchID: batchID))
        }
        return logs
    }

    func derive() -> DerivedItemState {
        ItemStateDerivation.derive(initialSetID: initialSetID, sets: sets, log: log)
    }

    func derive(under policy: TeamPolicy) -> ReviewedItemState {
        TeamReviewDerivation.derive(initialSetID: initialSetID, sets: sets, log: log, policy: policy)
    }

    var activeEventIDs: Set<Int64> { ItemStateDerivation.activeEventIDs(log) }
}
