import Foundation
import PostgresNIO
import QuorumStore

/// Who is working on a team's store now and how far the team is: what a workbench's status
/// bar shows beside the curator's own progress.
public struct TeamPresence: Sendable, Equatable {
    /// Curators with a live lease, by name, with how many of their items they have yet to review.
    public var curators: [(name: String, leased: Int)]
    public var policy: TeamPolicy
    /// Items whose reviews are all in and resolved (curated or rejected).
    public var resolved: Int
    /// Items still waiting for reviews (pending or streaming), contested ones included.
    public var open: Int
    public var contested: Int

    public static func == (lhs: TeamPresence, rhs: TeamPresence) -> Bool {
        lhs.curators.map(\.name) == rhs.curators.map(\.name) && lhs.curators.map(\.leased) == rhs.curators.map(\.leased)
            && lhs.policy == rhs.policy && lhs.resolved == rhs.resolved && lhs.open == rhs.open
            && lhs.contested == rhs.contested
    }
}

extension PostgresStore {
    public func presence() async throws -> TeamPresence {
        try await transaction(isolation: .repeatableRead) { connection in
            let policy = try await Self.teamPolicy(connection, self, lock: false)
            // A curator's leases on items they have not reviewed yet: what they still have to do.
            let curators = try await connection.run("""
                SELECT l.curator, COUNT(*) FILTER (WHERE i.status = 'pending' AND NOT EXISTS (
                    SELECT 1 FROM item_reviewers r WHERE r.item_id = l.item_id AND r.curator = l.curator))
                FROM leases l JOIN items i ON i.id = l.item_id
                WHERE l.expires_at > clock_timestamp() GROUP BY l.curator ORDER BY l.curator
                """, self).decode((String, Int).self).collect().map { (name: $0.0, leased: $0.1) }
            let (resolved, open, contested) = try await connection.run("""
                SELECT COUNT(*) FILTER (WHERE status IN ('accepted', 'overridden', 'edited', 'rejected')),
                    COUNT(*) FILTER (WHERE status IN ('pending', 'streaming')), COUNT(*) FILTER (WHERE contested)
                FROM items
                """, self).decode((Int, Int, Int).self).first { _ in true } ?? (0, 0, 0)
            return TeamPresence(curators: curators, policy: policy, resolved: resolved, open: open, contested: contested)
        }
    }

    /// Logs that `curator` skipped the item and gives its lease back, so another curator can
    /// take it (the item's state does not change).
    public func skip(_ itemID: Int64, curator: String) async throws {
        try await transaction { connection in
            let at = StoredTime.text(Date())
            try await connection.run("INSERT INTO skips (item_id, curator, at) VALUES (\(itemID), \(curator), \(at))", self)
            try await connection.run("DELETE FROM leases WHERE item_id = \(itemID) AND curator = \(curator)", self)
        }
    }
}
