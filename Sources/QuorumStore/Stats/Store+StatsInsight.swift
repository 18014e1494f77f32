import Foundation
import GRDB
import QuorumCore

/// The insight queries of `stats()`: aggregated in SQL, or streamed where SQL cannot count.
extension Store {
    /// Events still in force are those no undo targets (an undo of an undo is not followed).
    static let undoneCTE = "undone AS (SELECT target_id FROM decisions WHERE kind = 'undo' AND target_id IS NOT NULL)"

    /// "Some outcome decision by a human on the item's current set", for an item `i` and set `s`.
    static let humanDecidedSQL = """
        EXISTS (SELECT 1 FROM decisions d WHERE d.item_id = i.id AND d.set_id = s.id AND d.curator <> ?
            AND d.kind IN ('accept', 'override', 'edit', 'reject') AND d.id NOT IN undone)
        """

    static func curatorAgreement(_ db: Database, _ scope: StatsScope) throws -> CuratorAgreement {
        let rows = try Row.fetchAll(db, sql: """
            \(scope.with(undoneCTE))
            SELECT CASE i.status WHEN 'accepted' THEN s.consensus_choice WHEN 'overridden' THEN i.chosen END,
                s.consensus_choice, COUNT(*)
            FROM \(scope.items) i JOIN candidate_sets s ON s.id = i.current_set_id
            WHERE s.consensus_choice IS NOT NULL AND i.status IN ('accepted', 'overridden', 'edited', 'rejected')
                AND \(humanDecidedSQL)
            GROUP BY 1, 2
            """, arguments: scope.arguments([autoCurator]))
        var confusion: [String: [String: Int]] = [:]
        for row in rows {
            let curator = (row[0] as Int?).map(String.init) ?? CuratorAgreement.editedOrRejected
            confusion[curator, default: [:]][String(row[1] as Int)] = row[2]
        }
        return CuratorAgreement(confusion: confusion)
    }

    /// Per member: human-decided items the member won, how many of those the human overrode,
    /// edited or rejected, and the member's sets that were discarded.
    static func memberOverrides(_ db: Database, _ scope: StatsScope) throws -> [String: (humanDecidedWins: Int, overriddenWins: Int, discardedSets: Int)] {
        let rows = try Row.fetchAll(db, sql: """
            \(scope.with(undoneCTE))
            SELECT c.member,
                TOTAL(s.consensus_choice = c.position AND i.status IN ('accepted', 'overridden', 'edited', 'rejected')
                    AND \(humanDecidedSQL)),
                TOTAL(s.consensus_choice = c.position AND (i.status IN ('edited', 'rejected')
                    OR (i.status = 'overridden' AND i.chosen IS NOT s.consensus_choice)) AND \(humanDecidedSQL)),
                TOTAL(i.status = 'discarded')
            FROM \(scope.items) i
            JOIN candidate_sets s ON s.id = i.current_set_id
            JOIN candidates c ON c.set_id = s.id
            WHERE s.consensus_rule IS NOT NULL
            GROUP BY c.member
            """, arguments: scope.arguments([autoCurator, autoCurator]))
        var result: [String: (humanDecidedWins: Int, overriddenWins: Int, discardedSets: Int)] = [:]
        for row in rows {
            result[row[0]] = (Int(row[1] as Double), Int(row[2] as Double), Int(row[3] as Double))
        }
        return result
    }

    static func distributions(_ db: Database, _ scope: StatsScope) throws -> StatsDistributions {
        let maximum = try Double.fetchOne(db, sql: """
            \(scope.with())
            SELECT MAX(s.consensus_margin) FROM \(scope.items) i JOIN candidate_sets s ON s.id = i.current_set_id
            WHERE s.consensus_choice IS NOT NULL
            """, arguments: scope.arguments) ?? 0
        let marginWidth = maximum > 0 ? maximum / 10 : 0.1
        let margin = try binned(db, count: 10, edges: (0...10).map { Double($0) * marginWidth }, sql: """
            \(scope.with())
            SELECT MIN(CAST(s.consensus_margin / ? AS INTEGER), 9), COUNT(*)
            FROM \(scope.items) i JOIN candidate_sets s ON s.id = i.current_set_id
            WHERE s.consensus_choice IS NOT NULL AND s.consensus_margin IS NOT NULL GROUP BY 1
            """, arguments: scope.arguments([marginWidth]))
        let fragility = try binned(db, count: 10, edges: (0...10).map { Double($0) / 10 }, sql: """
            \(scope.with())
            SELECT MIN(CAST(i.fragility * 10 AS INTEGER), 9), COUNT(*)
            FROM \(scope.items) i JOIN candidate_sets s ON s.id = i.current_set_id
            WHERE s.consensus_choice IS NOT NULL AND i.fragility IS NOT NULL GROUP BY 1
            """, arguments: scope.arguments)
        let rouge = try binned(db, count: 10, edges: (0...10).map { Double($0) / 10 }, sql: """
            \(scope.with())
            SELECT MIN(CAST(c.value * 10 AS INTEGER), 9), COUNT(*)
            FROM \(scope.items) i JOIN candidate_sets s ON s.id = i.current_set_id,
                json_each(s.consensus_matrix) r, json_each(r.value) c
            WHERE s.consensus_matrix IS NOT NULL AND r.key < c.key GROUP BY 1
            """, arguments: scope.arguments)
        return StatsDistributions(margin: margin, fragility: fragility, pairwiseRougeL: rouge, outputWords: try outputWords(db, scope))
    }

    static let wordEdges: [Double] = [0, 1, 5, 10, 20, 40, 80, 160, 320, .infinity]

    /// Streams the candidates' texts and counts words byte by byte: SQL has no word count.
    static func outputWords(_ db: Database, _ scope: StatsScope) throws -> Distribution {
        var counts = Array(repeating: 0, count: wordEdges.count - 1)
        let texts = try Data.fetchCursor(db, sql: """
            \(scope.with())
            SELECT c.text FROM \(scope.items) i JOIN candidates c ON c.set_id = i.current_set_id
            """, arguments: scope.arguments)
        while let text = try texts.next() {
            let words = text.withUnsafeBytes { wordCount($0.bindMemory(to: UInt8.self)) }
            let bin = wordEdges.lastIndex { $0 <= Double(words) } ?? 0
            counts[min(bin, counts.count - 1)] += 1
        }
        return Distribution(edges: wordEdges, counts: counts)
    }

    /// Runs of bytes other than space, tab, newline and carriage return.
    static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var words = 0
        var inWord = false
        guard let base = bytes.baseAddress else { return 0 }
        var index = 0
        while index < bytes.count {
            let byte = base[index]
            let blank = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !blank && !inWord { words += 1 }
            inWord = !blank
            index += 1
        }
        return words
    }

    private static func binned(_ db: Database, count: Int, edges: [Double], sql: String, arguments: StatementArguments) throws -> Distribution {
        var counts = Array(repeating: 0, count: count)
        for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
            let bin: Int = row[0]
            counts[min(max(bin, 0), count - 1)] += row[1]
        }
        return Distribution(edges: edges, counts: counts)
    }

    /// The reasons given for rejections still in force, most frequent first (at most 20; the
    /// engine's "instance rerun as item N" are grouped as one), and why sets were discarded.
    static func reasons(_ db: Database, _ scope: StatsScope) throws -> (rejections: [ReasonCount], discards: [ReasonCount]) {
        let rejections = try Row.fetchAll(db, sql: """
            \(scope.with(undoneCTE))
            SELECT CAST(CASE WHEN reason LIKE '\(InstanceRerunLink.replacedPrefix)%' THEN '\(InstanceRerunLink.replacedPrefix)…'
                ELSE COALESCE(NULLIF(TRIM(reason), ''), '(no reason)') END AS BLOB), COUNT(*)
            FROM decisions WHERE kind = 'reject' AND id NOT IN undone\(scope.decisionInScope("item_id"))
            GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20
            """, arguments: scope.arguments).map { ReasonCount(reason: String(decoding: $0[0] as Data, as: UTF8.self), count: $0[1]) }
        let discards = try Row.fetchAll(db, sql: """
            \(scope.with())
            SELECT COALESCE(s.consensus_discard, '(none)'), COUNT(*)
            FROM \(scope.items) i JOIN candidate_sets s ON s.id = i.current_set_id
            WHERE i.status = 'discarded' GROUP BY 1 ORDER BY 2 DESC, 1
            """, arguments: scope.arguments).map { ReasonCount(reason: $0[0], count: $0[1]) }
        return (rejections, discards)
    }
}
