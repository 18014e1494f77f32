import GRDB
import QuorumJSON

/// The write path's inserts as cached statements: GRDB's generic record persistence
/// re-encodes and re-prepares each insert, several times the cost of the insert itself.
extension StoreTransaction {
    func insertRow(_ item: Item) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO items (run_id, type, instruction, input, generator, seed_ids, created_at, status, output, chosen, current_set_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                item.runID, item.type.rawValue, item.instruction, item.input, item.generator,
                Self.json(strings: item.seedIDs), item.createdAt, item.status.rawValue, item.output, item.chosen,
                item.currentSetID,
            ])
        return db.lastInsertedRowID
    }

    func insertRow(_ set: CandidateSet) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO candidate_sets (item_id, ordinal, created_at, consensus_choice, consensus_rule,
                consensus_scores, consensus_margin, consensus_matrix, consensus_discard)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                set.itemID, set.ordinal, set.createdAt, set.consensusChoice, set.consensusRule?.rawValue,
                set.consensusScores.map(Self.json(numbers:)), set.consensusMargin,
                set.consensusMatrix.map(Self.json(matrix:)), set.consensusDiscard?.rawValue,
            ])
        return db.lastInsertedRowID
    }

    func insertRow(_ candidate: Candidate) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO candidates (set_id, position, member, text, prompt_tokens, completion_tokens, latency_ms, error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                candidate.setID, candidate.position, candidate.member, candidate.text, candidate.promptTokens,
                candidate.completionTokens, candidate.latencyMilliseconds, candidate.error,
            ])
        return db.lastInsertedRowID
    }

    func insertRow(_ decision: Decision) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO decisions (item_id, kind, set_id, candidate, text, reason, target_id, curator, at, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                decision.itemID, decision.kind.rawValue, decision.setID, decision.candidate, decision.text,
                decision.reason, decision.targetID, decision.curator, decision.at, decision.note,
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

    private static func json(numbers: [Double]) -> String {
        var writer = JSONTextWriter()
        writer.beginArray()
        for number in numbers { writer.double(number) }
        writer.endArray()
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private static func json(matrix: [[Double]]) -> String {
        "[" + matrix.map(json(numbers:)).joined(separator: ",") + "]"
    }
}
