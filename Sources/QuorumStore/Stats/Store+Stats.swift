import GRDB
import QuorumCore

extension Store {
    /// Everything `quorum stats` reports (and `:stats`, under the queue's `:filter`), over every item or over those `filter` passes
    /// (the engine's filter drops are per run and always whole).
    public func stats(filter: FilterExpression? = nil) async throws -> StoreStats {
        let scope = StatsScope(filter: filter)
        return try await read { db in
            var counts: [String: [String: Int]] = [:]
            for type in ItemType.allCases {
                counts[type.rawValue] = Dictionary(uniqueKeysWithValues: ItemStatus.allCases.map { ($0.rawValue, 0) })
            }
            for row in try Row.fetchAll(db, sql: """
                \(scope.with()) SELECT type, status, COUNT(*) FROM \(scope.items) GROUP BY type, status
                """, arguments: scope.arguments) {
                counts[row[0], default: [:]][row[1]] = row[2]
            }
            let overrides = try Self.memberOverrides(db, scope)
            let members = try Row.fetchAll(
                db,
                sql: """
                    \(scope.with())
                    SELECT c.member, COUNT(*),
                        TOTAL(s.consensus_choice = c.position OR (c.error IS NULL AND \(SharedWin.functionName)(c.text,
                            (SELECT w.text FROM candidates w WHERE w.set_id = s.id AND w.position = s.consensus_choice)))),
                        TOTAL(i.status IN ('accepted', 'overridden', 'edited')),
                        TOTAL(i.status IN ('accepted', 'overridden') AND i.chosen = c.position)
                    FROM \(scope.items) i
                    JOIN candidate_sets s ON s.id = i.current_set_id
                    JOIN candidates c ON c.set_id = s.id
                    WHERE s.consensus_rule IS NOT NULL
                    GROUP BY c.member ORDER BY c.member
                    """,
                arguments: scope.arguments
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
            let items = try Int.fetchOne(
                db, sql: "\(scope.with()) SELECT COUNT(*) FROM \(scope.items)", arguments: scope.arguments) ?? 0
            let decisions = try Int.fetchOne(db, sql: """
                \(scope.with()) SELECT COUNT(*) FROM decisions WHERE 1\(scope.decisionInScope("item_id"))
                """, arguments: scope.arguments) ?? 0
            var stats = StoreStats(items: items, decisions: decisions, counts: counts, members: members, curatorAgreement: nil)
            let curated = ItemStatus.curated.reduce(0) { $0 + stats.count(status: $1) }
            stats.agreement = try Self.curatorAgreement(db, scope)
            stats.curators = try Self.curatorStats(db, scope)
            stats.distributions = try Self.distributions(db, scope)
            (stats.rejectionReasons, stats.discardReasons) = try Self.reasons(db, scope)
            stats.filterDrops = try Self.filterDrops(db)
            if curated > 0 {
                stats.curatorAgreement = Double(stats.count(status: .accepted)) / Double(curated)
            }
            return stats
        }
    }
}
