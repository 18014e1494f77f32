import GRDB
import QuorumJSON

/// The write path's inserts as cached statements: GRDB's generic record persistence
/// re-encodes and re-prepares each insert, several times the cost of the insert itself.
/// Free text is bound as bytes and cast to TEXT, so a U+0000 in it is kept (see StoredText).
extension StoreTransaction {
    func insertRow(_ item: Item) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO items (run_id, type, instruction, input, generator, seed_ids, created_at, status, output, chosen, current_set_id)
            VALUES (?, ?, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), ?, ?, CAST(? AS TEXT), ?, ?)
            """).execute(arguments: [
                item.runID, item.type.rawValue, textArgument(item.instruction), textArgument(item.input),
                textArgument(item.generator), textArgument(Self.json(strings: item.seedIDs)), item.createdAt,
                item.status.rawValue, textArgument(item.output), item.chosen,
                item.currentSetID,
            ])
        return db.lastInsertedRowID
    }

    func insertRow(_ set: CandidateSet) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO candidate_sets (item_id, ordinal, created_at, consensus_choice, consensus_rule,
                consensus_scores, consensus_margin, consensus_matrix, consensus_discard, consensus_fragility)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                set.itemID, set.ordinal, set.createdAt, set.consensusChoice, set.consensusRule?.rawValue,
                set.consensusScores.map(Self.json(numbers:)), set.consensusMargin,
                set.consensusMatrix.map(Self.json(matrix:)), set.consensusDiscard?.rawValue, set.consensus?.fragility,
            ])
        return db.lastInsertedRowID
    }

    func insertRow(_ candidate: Candidate) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO candidates (set_id, position, member, text, prompt_tokens, completion_tokens, latency_ms, error)
            VALUES (?, ?, CAST(? AS TEXT), CAST(? AS TEXT), ?, ?, ?, CAST(? AS TEXT))
            """).execute(arguments: [
                candidate.setID, candidate.position, textArgument(candidate.member), textArgument(candidate.text),
                candidate.promptTokens, candidate.completionTokens, candidate.latencyMilliseconds,
                textArgument(candidate.error),
            ])
        return db.lastInsertedRowID
    }

    func insertRow(_ decision: Decision) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO decisions (item_id, kind, set_id, candidate, text, reason, target_id, curator, at, note, batch_id)
            VALUES (?, ?, ?, ?, CAST(? AS TEXT), CAST(? AS TEXT), ?, CAST(? AS TEXT), ?, CAST(? AS TEXT), ?)
            """).execute(arguments: [
                decision.itemID, decision.kind.rawValue, decision.setID, decision.candidate, textArgument(decision.text),
                textArgument(decision.reason), decision.targetID, textArgument(decision.curator), decision.at,
                textArgument(decision.note), decision.batchID,
            ])
        return db.lastInsertedRowID
    }

    private static func json(strings: [String]) -> String {
        var writer = JSONTextWriter()
        writer.beginArray()
        for string in strings { writer.string(string) }
        writer.endArray()
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    static func json(numbers: [Double]) -> String {
        var writer = JSONTextWriter()
        writer.beginArray()
        for number in numbers { writer.double(number) }
        writer.endArray()
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    static func json(matrix: [[Double]]) -> String {
        "[" + matrix.map(json(numbers:)).joined(separator: ",") + "]"
    }
}
