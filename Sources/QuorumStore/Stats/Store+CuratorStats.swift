import Foundation
import GRDB

extension Store {
    /// Per human curator (not `auto`), in name order: the log streamed once in id order.
    static func curatorStats(_ db: Database, _ scope: StatsScope) throws -> [CuratorStats] {
        var byName: [String: CuratorStats] = [:]
        var lastAt: [String: Date] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            \(scope.with())
            SELECT d.curator, d.kind, d.at, d.candidate = s.consensus_choice AS took_choice
            FROM decisions d LEFT JOIN candidate_sets s ON s.id = d.set_id
            WHERE d.curator <> ?\(scope.decisionInScope("d.item_id"))
            ORDER BY d.id
            """, arguments: scope.arguments([autoCurator]))
        while let row = try rows.next() {
            let name: String = row["curator"]
            var stats = byName[name] ?? CuratorStats(curator: name)
            let at: Date = row["at"]
            stats.count(
                DecisionKind(rawValue: row["kind"]), tookChoice: (row["took_choice"] as Bool?) == true, at: at,
                previous: lastAt[name])
            lastAt[name] = at
            byName[name] = stats
        }
        for row in try Row.fetchAll(db, sql: """
            \(scope.with())
            SELECT curator, COUNT(*) FROM skips WHERE curator <> ?\(scope.decisionInScope("item_id")) GROUP BY curator
            """, arguments: scope.arguments([autoCurator])) {
            let name: String = row[0]
            byName[name, default: CuratorStats(curator: name)].skipped = row[1]
        }
        return byName.values.sorted { $0.curator < $1.curator }
    }
}
