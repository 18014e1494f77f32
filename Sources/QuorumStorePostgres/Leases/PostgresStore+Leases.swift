import Foundation
import PostgresNIO
import QuorumStore

extension PostgresStore {
    /// Claims up to `count` items for `curator`, the most fragile first, for `duration`: items
    /// that still need a review under the team's policy (`TeamPolicy`), that `curator` has not
    /// reviewed, and whose reviewers and other live leaseholders are fewer than the reviews
    /// it needs (under the lead rule, contested items go to the lead only). Rows another
    /// claimer is locking are skipped (`FOR UPDATE SKIP LOCKED`) instead of waited for; an
    /// expired lease, or the curator's own, is taken over. Returns the item ids, ascending.
    public func claim(_ count: Int, for curator: String, duration: Duration) async throws -> [Int64] {
        guard count > 0 else { return [] }
        guard !curator.allSatisfy(\.isWhitespace) else { throw StoreError.invalid("a lease needs a curator name") }
        // A round can lose every item it picked to claimers that committed after its snapshot
        // was taken; it is tried again while claimable items remain.
        for _ in 0..<20 {
            let claimed = try await claimRound(count, for: curator, seconds: Self.seconds(duration))
            if !claimed.isEmpty { return claimed }
            let free = try await query("""
                WITH me AS (\(unescaped: Self.claimant(curator)))
                SELECT EXISTS (SELECT 1 FROM items i, me WHERE \(unescaped: Self.claimable))
                """).decode(Bool.self).first { _ in true } ?? false
            if !free { return [] }
        }
        return []
    }

    /// Claims up to `count` of `candidates` for `curator`, in their order, as `claim` does: the
    /// items a workbench's queue would list next under its filter. Returns the ids, ascending.
    public func claim(_ count: Int, of candidates: [Int64], for curator: String, duration: Duration) async throws -> [Int64] {
        guard count > 0, !candidates.isEmpty else { return [] }
        guard !curator.allSatisfy(\.isWhitespace) else { throw StoreError.invalid("a lease needs a curator name") }
        return try await claimRound(count, for: curator, seconds: Self.seconds(duration), among: candidates)
    }

    /// Picks and locks the items (`SKIP LOCKED`), then leases those still claimable: the second
    /// statement's snapshot is taken once their rows are locked, so it sees every lease and
    /// decision committed by whoever held them before (both lock the item's row).
    private func claimRound(
        _ count: Int, for curator: String, seconds: Double, among candidates: [Int64]? = nil
    ) async throws -> [Int64] {
        try await transaction { connection in
            let picking: PostgresQuery = if let candidates {
                """
                WITH me AS (\(unescaped: Self.claimant(curator)))
                SELECT i.id FROM items i, me WHERE i.id = ANY(\(candidates)) AND \(unescaped: Self.claimable)
                ORDER BY array_position(\(candidates), i.id)
                LIMIT \(count)
                FOR UPDATE OF i SKIP LOCKED
                """
            } else {
                """
                WITH me AS (\(unescaped: Self.claimant(curator)))
                SELECT i.id FROM items i, me WHERE \(unescaped: Self.claimable)
                ORDER BY i.fragility DESC NULLS LAST, i.id
                LIMIT \(count)
                FOR UPDATE OF i SKIP LOCKED
                """
            }
            let picked = try await connection.run(picking, self).decode(Int64.self).collect()
            guard !picked.isEmpty else { return [] }
            try await connection.run(
                "DELETE FROM leases WHERE item_id = ANY(\(picked)) AND expires_at <= clock_timestamp()", self)
            let rows = try await connection.run("""
                WITH me AS (\(unescaped: Self.claimant(curator)))
                INSERT INTO leases (item_id, curator, expires_at)
                SELECT i.id, me.curator, clock_timestamp() + make_interval(secs => \(seconds))
                FROM items i, me WHERE i.id = ANY(\(picked)) AND \(unescaped: Self.claimable)
                ON CONFLICT (item_id, curator) DO UPDATE SET expires_at = EXCLUDED.expires_at
                RETURNING item_id
                """, self)
            return try await rows.decode(Int64.self).collect().sorted()
        }
    }

    /// The claimant and the policy, as one row `me` (the curator's name is quoted as a literal:
    /// the conditions are shared text, not bindings).
    private static func claimant(_ curator: String) -> String {
        let name = "'" + curator.replacingOccurrences(of: "'", with: "''") + "'"
        return """
            SELECT \(name)::text AS curator,
                COALESCE((SELECT reviews_per_item FROM team_policy), 1) AS needed,
                (SELECT lead FROM team_policy) AS lead
            """
    }

    /// Whether item `i` may be leased to `me.curator` now.
    private static let claimable = """
        i.status = 'pending'
        AND NOT EXISTS (SELECT 1 FROM item_reviewers r WHERE r.item_id = i.id AND r.curator = me.curator)
        AND NOT EXISTS (SELECT 1 FROM leases l
            WHERE l.item_id = i.id AND l.curator = me.curator AND l.expires_at > clock_timestamp())
        AND CASE WHEN i.contested THEN me.lead IS NOT NULL AND me.lead = me.curator
            ELSE (SELECT COUNT(*) FROM (
                SELECT l.curator FROM leases l WHERE l.item_id = i.id AND l.expires_at > clock_timestamp()
                UNION SELECT r.curator FROM item_reviewers r WHERE r.item_id = i.id) holders) < me.needed
            END
        """

    /// Extends `curator`'s live leases on `itemIDs` by `duration` from now; returns the ids
    /// still leased (an expired lease someone else took is not renewed).
    public func renew(_ itemIDs: [Int64], for curator: String, duration: Duration) async throws -> [Int64] {
        let seconds = Self.seconds(duration)
        let rows = try await query("""
            UPDATE leases SET expires_at = clock_timestamp() + make_interval(secs => \(seconds))
            WHERE curator = \(curator) AND item_id = ANY(\(itemIDs)) AND expires_at > clock_timestamp()
            RETURNING item_id
            """)
        return try await rows.decode(Int64.self).collect().sorted()
    }

    /// Gives `curator`'s leases on `itemIDs` (all of them when nil) back to the pool; returns
    /// how many were released.
    @discardableResult
    public func release(_ itemIDs: [Int64]? = nil, for curator: String) async throws -> Int {
        let rows: PostgresRowSequence
        if let itemIDs {
            rows = try await query("DELETE FROM leases WHERE curator = \(curator) AND item_id = ANY(\(itemIDs)) RETURNING item_id")
        } else {
            rows = try await query("DELETE FROM leases WHERE curator = \(curator) RETURNING item_id")
        }
        return try await rows.decode(Int64.self).collect().count
    }

    /// The items `curator` holds a live lease on, ascending.
    public func leasedItems(of curator: String) async throws -> [Int64] {
        let rows = try await query(
            "SELECT item_id FROM leases WHERE curator = \(curator) AND expires_at > clock_timestamp() ORDER BY item_id")
        return try await rows.decode(Int64.self).collect()
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
