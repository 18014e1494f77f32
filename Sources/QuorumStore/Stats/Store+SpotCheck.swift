import GRDB
import QuorumCore

extension Store {
    /// The curator name `quorum generate --auto-accept` decides as.
    public static let autoCurator = "auto"

    /// The population of a spot-check (see `SpotCheckPopulation` for which items count and how
    /// verdicts are read), in one pass over the items with a consensus.
    public func spotCheckPopulation(
        stratifiedBy stratification: SpotCheckStratification, filter: FilterExpression? = nil
    ) async throws -> SpotCheckPopulation {
        var sql = Self.spotCheckSelect
        var arguments: StatementArguments = [Self.autoCurator, Self.autoCurator]
        if let filter {
            let (condition, more) = FilterSQL(alias: "i").condition(filter)
            sql += " AND \(condition)"
            arguments += more
        }
        sql += " ORDER BY i.id"
        return try await read { [sql, arguments] db in
            struct Entry {
                var id: Int64
                var key: String
                var fragility: Double?
                var verdict: ErrorRateEstimate.Verdict?
                var isUnreviewedImport: Bool
            }
            var entries: [Entry] = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                let id: Int64 = row["id"]
                let key: String
                switch stratification {
                case .member: key = row["member"] ?? "?"
                case .type: key = row["type"]
                case .rule: key = row["consensus_rule"] ?? "?"
                case .fragility: key = ""
                }
                let status: String = row["status"]
                let unreviewed = (row["auto_id"] as Int64?) == nil
                    && (status == ItemStatus.pending.rawValue || status == ItemStatus.streaming.rawValue)
                entries.append(Entry(
                    id: id, key: key, fragility: row["fragility"], verdict: Self.verdict(row), isUnreviewedImport: unreviewed))
            }
            var edges: [Double]?
            if stratification == .fragility {
                let bins = QuantileBins(values: entries.compactMap(\.fragility), count: 4)
                edges = bins.edges
                for index in entries.indices {
                    entries[index].key = entries[index].fragility.map { bins.label(of: bins.bin(of: $0)) } ?? "none"
                }
            }
            var strata: [String: [Int64]] = [:]
            var verdicts: [Int64: ErrorRateEstimate.Verdict] = [:]
            for entry in entries {
                strata[entry.key, default: []].append(entry.id)
                if let verdict = entry.verdict { verdicts[entry.id] = verdict }
            }
            var population = SpotCheckPopulation(stratification: stratification, strata: strata, verdicts: verdicts, fragilityEdges: edges)
            population.unreviewedImports = Set(entries.filter(\.isUnreviewedImport).map(\.id))
            return population
        }
    }

    /// The human verdict on one item of the population as it stands now (nil when no human
    /// has judged it, or it is not in the population): what the workbench's spot-check mode
    /// reads after each decision, by the same rule as `spotCheckPopulation`.
    public func spotCheckVerdict(of itemID: Int64) async throws -> ErrorRateEstimate.Verdict? {
        try await read { db in
            let row = try Row.fetchOne(
                db, sql: Self.spotCheckSQL(item: true), arguments: [Self.autoCurator, Self.autoCurator, itemID])
            return row.flatMap(Self.verdict)
        }
    }

    /// A row of `spotCheckSQL`'s verdict: the item's derived status once a human has decided.
    private static func verdict(_ row: Row) -> ErrorRateEstimate.Verdict? {
        guard (row["human"] as Int64?) != nil else { return nil }
        let status: String = row["status"]
        let chosen: Int? = row["chosen"]
        let choice: Int? = row["consensus_choice"]
        switch status {
        case ItemStatus.accepted.rawValue: return .right
        case ItemStatus.overridden.rawValue: return chosen == choice ? .right : .wrong
        case ItemStatus.edited.rawValue, ItemStatus.rejected.rawValue: return .wrong
        default: return nil
        }
    }

    /// One row per item of the population (or of the one item `?` when `item`): its strata
    /// keys, margin, status and the id of the human verdict (if any). Undone events are
    /// excluded through one set of undo targets.
    static func spotCheckSQL(item: Bool = false) -> String {
        spotCheckSelect + (item ? " AND i.id = ?" : "") + " ORDER BY i.id"
    }


    private static let spotCheckSelect = """
        WITH undone AS (SELECT target_id FROM decisions WHERE kind = 'undo' AND target_id IS NOT NULL),
        auto AS (
            SELECT item_id, set_id, MIN(id) AS decision_id FROM decisions
            WHERE curator = ? AND kind = 'accept' AND id NOT IN undone
            GROUP BY item_id, set_id
        )
        SELECT i.id, i.type, i.status, i.chosen, s.consensus_choice, s.consensus_rule, i.fragility,
            c.member, a.decision_id AS auto_id,
            (SELECT MAX(h.id) FROM decisions h
                WHERE h.item_id = i.id AND h.set_id = s.id AND h.curator <> ?
                    AND h.kind IN ('accept', 'override', 'edit', 'reject')
                    AND h.id > COALESCE(a.decision_id, 0) AND h.id NOT IN undone) AS human
        FROM items i
        JOIN runs r ON r.id = i.run_id
        JOIN candidate_sets s ON s.id = i.current_set_id
        LEFT JOIN auto a ON a.item_id = i.id AND a.set_id = s.id
        LEFT JOIN candidates c ON c.set_id = s.id AND c.position = s.consensus_choice
        WHERE s.consensus_choice IS NOT NULL AND (a.decision_id IS NOT NULL OR r.source = 'import')
        """
}
