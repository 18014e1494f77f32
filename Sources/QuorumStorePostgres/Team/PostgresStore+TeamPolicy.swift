// QuorumStorePostgres/Team: Several reviews per item: the team's policy, adopting it, and how far the reviews are.

import Foundation
import PostgresNIO
import QuorumStore

extension PostgresStore {
    /// The policy this store's team follows (`single` until one is adopted).
    public func teamPolicy() async throws -> TeamPolicy {
        try await transaction { connection in try await Self.teamPolicy(connection, self, lock: false) }
    }

    /// Makes `policy` the store's and derives every decided item's state again under it, in
    /// one transaction (its state is a function of its log and the policy); returns how many
    /// items changed state. Decisions wait meanwhile: each reads the policy `FOR SHARE`.
    @discardableResult
    public func adopt(_ policy: TeamPolicy) async throws -> Int {
        guard policy.reviewsPerItem >= 1 else { throw StoreError.invalid("reviews_per_item must be at least 1") }
        return try await transaction { connection in
            try await connection.run("LOCK TABLE team_policy IN EXCLUSIVE MODE", self)
            guard try await Self.teamPolicy(connection, self, lock: false) != policy else { return 0 }
            try await connection.run("DELETE FROM team_policy", self)
            try await connection.run("""
                INSERT INTO team_policy (reviews_per_item, resolution, lead)
                VALUES (\(policy.reviewsPerItem), \(policy.resolution.name), \(policy.resolution.lead))
                """, self)
            let decided = try await connection.run(
                "SELECT DISTINCT item_id FROM decisions WHERE kind IN ('accept', 'override', 'edit', 'reject') ORDER BY item_id",
                self
            ).decode(Int64.self).collect()
            var changed = 0
            var start = 0
            while start < decided.count {
                let chunk = Array(decided[start..<min(start + Self.adoptChunk, decided.count)])
                start += chunk.count
                try await connection.run("SELECT id FROM items WHERE id = ANY(\(chunk)) ORDER BY id FOR UPDATE", self)
                let logs = try await DecisionLog.read(itemIDs: chunk, connection, self)
                changed += try await Self.writeDerivedStates(chunk.map { logs[$0]! }, policy, connection, self)
            }
            return changed
        }
    }

    /// Items derived again per round trip while adopting a policy.
    static let adoptChunk = 2_000

    static func teamPolicy(_ connection: PostgresConnection, _ store: PostgresStore, lock: Bool) async throws -> TeamPolicy {
        let query: PostgresQuery = lock
            ? "SELECT reviews_per_item, resolution, lead FROM team_policy FOR SHARE"
            : "SELECT reviews_per_item, resolution, lead FROM team_policy"
        let row = try await connection.run(query, store).decode((Int, String, String?).self).first { _ in true }
        guard let (reviews, resolution, lead) = row else { return .single }
        switch (resolution, lead) {
        case ("unanimous", _): return TeamPolicy(reviewsPerItem: reviews, resolution: .unanimous)
        case ("majority", _): return TeamPolicy(reviewsPerItem: reviews, resolution: .majority)
        case ("lead", let lead?): return TeamPolicy(reviewsPerItem: reviews, resolution: .lead(lead))
        default: throw StoreError.invalid("team_policy holds an unknown resolution \(resolution)")
        }
    }
}
