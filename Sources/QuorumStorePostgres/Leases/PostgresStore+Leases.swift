import Foundation
import PostgresNIO
import QuorumStore

extension PostgresStore {
    /// Claims up to `count` pending items for `curator`, the most fragile first, for `duration`:
    /// items leased to someone else and not expired are never handed out, and rows another
    /// claimer is locking are skipped (`FOR UPDATE SKIP LOCKED`) instead of waited for. An
    /// expired lease, or the curator's own, is taken over. Returns the item ids, ascending.
    public func claim(_ count: Int, for curator: String, duration: Duration) async throws -> [Int64] {
        guard count > 0 else { return [] }
        guard !curator.allSatisfy(\.isWhitespace) else { throw StoreError.invalid("a lease needs a curator name") }
        // A round can lose every item it picked to claimers that committed after its snapshot
        // was taken; it is tried again while unleased pending items remain.
        for _ in 0..<20 {
            let claimed = try await claimRound(count, for: curator, seconds: Self.seconds(duration))
            if !claimed.isEmpty { return claimed }
            let free = try await query("""
                SELECT EXISTS (SELECT 1 FROM items i WHERE i.status = 'pending' AND NOT EXISTS (
                    SELECT 1 FROM leases l WHERE l.item_id = i.id AND l.expires_at > clock_timestamp()))
                """).decode(Bool.self).first { _ in true } ?? false
            if !free { return [] }
        }
        return []
    }

    private func claimRound(_ count: Int, for curator: String, seconds: Double) async throws -> [Int64] {
        try await transaction { connection in
            // The lease row is upserted only where no live lease exists,
            // checked again on the committed row (a claimer whose snapshot predates another's
            // commit cannot take its items).
            let rows = try await connection.run("""
                WITH picked AS (
                    SELECT i.id FROM items i
                    WHERE i.status = 'pending' AND NOT EXISTS (
                        SELECT 1 FROM leases l WHERE l.item_id = i.id AND l.expires_at > clock_timestamp())
                    ORDER BY i.fragility DESC NULLS LAST, i.id
                    LIMIT \(count)
                    FOR UPDATE OF i SKIP LOCKED
                )
                INSERT INTO leases (item_id, curator, expires_at)
                SELECT id, \(curator), clock_timestamp() + make_interval(secs => \(seconds)) FROM picked
                ON CONFLICT (item_id) DO UPDATE SET curator = EXCLUDED.curator, expires_at = EXCLUDED.expires_at
                    WHERE leases.expires_at <= clock_timestamp()
                RETURNING item_id
                """, self)
            return try await rows.decode(Int64.self).collect().sorted()
        }
    }

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
