// QuorumStorePostgres/Export: Export, import and statistics on PostgreSQL, byte for byte what the SQLite store gives.

import PostgresNIO
import QuorumCore
import QuorumStore

/// An item as a direct read of the store gives it: what the full format writes, and the
/// columns of its row a filter compares besides.
struct ExportedItem: Sendable {
    var item: FullExportItem
    var margin: Double?
    var fragility: Double?
    var contested: Bool

    func passes(_ filter: FilterExpression?) -> Bool {
        guard let filter else { return true }
        return filter.matches(FilterSubject(item, margin: margin, fragility: fragility, contested: contested))
    }
}

extension ExportedItem {
    /// Items per round trip: each batch is read in three statements (items, sets with their
    /// candidates, decisions), and only one batch is held at a time. Each statement that
    /// returns rows costs about 40 ms here beyond its work, so batches of 1,000 made the full
    /// export of 100,000 items 14 s, of 10,000 items 6 s.
    static let batchSize = 10_000

    /// Calls `body` with every item of `statuses` (and of `itemIDs`, when given) in id order,
    /// read in the caller's transaction a batch at a time.
    static func forEach(
        statuses: [ItemStatus], itemIDs: [Int64]? = nil, batchSize: Int = batchSize, _ connection: PostgresConnection,
        _ store: PostgresStore, _ body: (ExportedItem) throws -> Void
    ) async throws {
        let statuses = statuses.map(\.rawValue)
        let wanted = itemIDs.map { Array(Set($0)).sorted() }
        var after = Int64.min
        var offset = 0
        while true {
            let query: PostgresQuery
            if let wanted {
                guard offset < wanted.count else { return }
                let chunk = Array(wanted[offset..<min(offset + batchSize, wanted.count)])
                offset += chunk.count
                query = "SELECT \(unescaped: itemColumns) FROM items WHERE id = ANY(\(chunk)) AND status = ANY(\(statuses)) ORDER BY id"
            } else {
                query = """
                    SELECT \(unescaped: itemColumns) FROM items WHERE id > \(after) AND status = ANY(\(statuses))
                    ORDER BY id LIMIT \(batchSize)
                    """
            }
            var batch = try await items(query, connection, store)
            guard !batch.isEmpty || wanted != nil else { return }
            after = batch.last?.item.id ?? after
            try await attachDetails(to: &batch, connection, store)
            for item in batch { try body(item) }
        }
    }

    private static let itemColumns = """
        id, run_id, type, instruction, input, generator, seed_ids, created_at, status, output, chosen, current_set_id, \
        margin, fragility, contested
        """

    private static func items(_ query: PostgresQuery, _ connection: PostgresConnection, _ store: PostgresStore) async throws -> [ExportedItem] {
        var items: [ExportedItem] = []
        let rows = try await connection.run(query, store).decode(
            (Int64, Int64, String, String, String, String?, String, String, String, String?, Int64?, Int64?, Double?, Double?, Bool).self)
        for try await (id, runID, type, instruction, input, generator, seedIDs, createdAt, status, output, chosen, currentSetID,
                       margin, fragility, contested) in rows {
            items.append(ExportedItem(
                item: FullExportItem(
                    id: id, runID: runID, type: type, instruction: instruction, input: input, generator: generator,
                    seedIDs: seedIDs, createdAt: createdAt, status: status, output: output, chosen: chosen,
                    currentSetID: currentSetID),
                margin: margin, fragility: fragility, contested: contested))
        }
        return items
    }

    /// Each item's candidate sets by ordinal (candidates by position) and its log by id.
    private static func attachDetails(to batch: inout [ExportedItem], _ connection: PostgresConnection, _ store: PostgresStore) async throws {
        guard !batch.isEmpty else { return }
        let ids = batch.map(\.item.id)
        var sets: [Int64: [FullExportItem.SetEntry]] = [:]
        let setRows = try await connection.run("""
            SELECT s.item_id, s.id, s.ordinal, s.created_at, s.consensus_rule, s.consensus_choice, s.consensus_scores,
                s.consensus_margin, s.consensus_fragility, s.consensus_matrix, s.consensus_discard,
                c.position, c.member, c.text, c.prompt_tokens, c.completion_tokens, c.latency_ms, c.error
            FROM candidate_sets s LEFT JOIN candidates c ON c.set_id = s.id
            WHERE s.item_id = ANY(\(ids)) ORDER BY s.item_id, s.ordinal, c.position
            """, store).decode(
                (Int64, Int64, Int64, String, String?, Int64?, String?, Double?, Double?, String?, String?,
                 Int64?, String?, String?, Int64?, Int64?, Double?, String?).self)
        for try await (itemID, setID, ordinal, createdAt, rule, choice, scores, setMargin, setFragility, matrix, discard,
                       position, member, text, promptTokens, completionTokens, latency, error) in setRows {
            if sets[itemID]?.last?.id != setID {
                let consensus = rule.map { rule in
                    FullExportItem.ConsensusEntry(
                        choice: choice, rule: rule, scores: scores, margin: setMargin, fragility: setFragility, matrix: matrix,
                        discard: discard)
                }
                sets[itemID, default: []].append(
                    FullExportItem.SetEntry(id: setID, ordinal: ordinal, createdAt: createdAt, consensus: consensus))
            }
            if let position {
                sets[itemID, default: []].appendCandidate(FullExportItem.CandidateEntry(
                    position: position, member: member ?? "", text: text ?? "", promptTokens: promptTokens,
                    completionTokens: completionTokens, latencyMilliseconds: latency, error: error))
            }
        }
        var logs: [Int64: [FullExportItem.DecisionEntry]] = [:]
        let decisionRows = try await connection.run("""
            SELECT item_id, id, kind, set_id, candidate, text, reason, target_id, curator, at, note, batch_id
            FROM decisions WHERE item_id = ANY(\(ids)) ORDER BY item_id, id
            """, store).decode((Int64, Int64, String, Int64?, Int64?, String?, String?, Int64?, String, String, String?, Int64?).self)
        for try await (itemID, id, kind, setID, candidate, text, reason, targetID, curator, at, note, batchID) in decisionRows {
            logs[itemID, default: []].append(FullExportItem.DecisionEntry(
                id: id, kind: kind, setID: setID, candidate: candidate, text: text, reason: reason, targetID: targetID,
                curator: curator, at: at, note: note, batchID: batchID))
        }
        for index in batch.indices {
            let id = batch[index].item.id
            batch[index].item.sets = sets.removeValue(forKey: id) ?? []
            batch[index].item.decisions = logs.removeValue(forKey: id) ?? []
        }
    }
}

extension [FullExportItem.SetEntry] {
    /// Adds a candidate to the last set.
    fileprivate mutating func appendCandidate(_ candidate: FullExportItem.CandidateEntry) {
        self[count - 1].candidates.append(candidate)
    }
}
