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
            switch DecisionKind(rawValue: row["kind"]) {
            case .accept?: stats.accepted += 1
            case .override?:
                if (row["took_choice"] as Bool?) == true { stats.accepted += 1 } else { stats.overridden += 1 }
            case .edit?: stats.edited += 1
            case .reject?: stats.rejected += 1
            case .undo?: stats.undone += 1
            case .rerun?: stats.reruns += 1
            case .note?: stats.notes += 1
            case nil: break
            }
            let at: Date = row["at"]
            if let previous = lastAt[name] {
                stats.activeSeconds += min(max(0, at.timeIntervalSince(previous)), CuratorStats.idleGap)
            }
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
