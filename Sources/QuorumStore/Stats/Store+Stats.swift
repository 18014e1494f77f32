import GRDB

extension Store {
    public func stats() async throws -> StoreStats {
        try await read { db in
            var counts: [String: [String: Int]] = [:]
            for type in ItemType.allCases {
                counts[type.rawValue] = Dictionary(uniqueKeysWithValues: ItemStatus.allCases.map { ($0.rawValue, 0) })
            }
            for row in try Row.fetchAll(db, sql: "SELECT type, status, COUNT(*) FROM items GROUP BY type, status") {
                counts[row[0], default: [:]][row[1]] = row[2]
            }
            let overrides = try Self.memberOverrides(db)
            let members = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.member, COUNT(*),
                        TOTAL(s.consensus_choice = c.position OR (c.error IS NULL AND \(SharedWin.functionName)(c.text,
                            (SELECT w.text FROM candidates w WHERE w.set_id = s.id AND w.position = s.consensus_choice)))),
                        TOTAL(i.status IN ('accepted', 'overridden', 'edited')),
                        TOTAL(i.status IN ('accepted', 'overridden') AND i.chosen = c.position)
                    FROM items i
                    JOIN candidate_sets s ON s.id = i.current_set_id
                    JOIN candidates c ON c.set_id = s.id
                    WHERE s.consensus_rule IS NOT NULL
                    GROUP BY c.member ORDER BY c.member
                    """
            ).map { row in
                var member = MemberStats(
                    member: row[0], candidates: row[1], consensusWins: Int(row[2] as Double),
                    curatedItems: Int(row[3] as Double), curatorPicks: Int(row[4] as Double))
                if let counts = overrides[member.member] {
                    member.humanDecidedWins = counts.humanDecidedWins
                    member.overriddenWins = counts.overriddenWins
                    member.discardedSets = counts.discardedSets
                }
                return member
            }
            let items = try Item.fetchCount(db)
            let decisions = try Decision.fetchCount(db)
            var stats = StoreStats(items: items, decisions: decisions, counts: counts, members: members, curatorAgreement: nil)
            let curated = ItemStatus.curated.reduce(0) { $0 + stats.count(status: $1) }
            stats.agreement = try Self.curatorAgreement(db)
            stats.distributions = try Self.distributions(db)
            (stats.rejectionReasons, stats.discardReasons) = try Self.reasons(db)
            stats.filterDrops = try Self.filterDrops(db)
            if curated > 0 {
                stats.curatorAgreement = Double(stats.count(status: .accepted)) / Double(curated)
            }
            return stats
        }
    }
}
