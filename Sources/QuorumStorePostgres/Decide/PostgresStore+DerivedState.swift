import PostgresNIO
import QuorumStore

extension PostgresStore {
    /// Caches what `log` derives under `policy` on the item (status, output, chosen set,
    /// reviews, contested) and its reviewers; returns whether its status or output changed.
    @discardableResult
    static func writeDerivedState(
        _ log: DecisionLog, _ policy: TeamPolicy, _ connection: PostgresConnection, _ store: PostgresStore
    ) async throws -> Bool {
        let reviewed = log.derive(under: policy)
        let state = reviewed.state
        let itemID = log.itemID
        let before = try await connection.run(
            "SELECT status, output FROM items WHERE id = \(itemID)", store
        ).decode((String, String?).self).first { _ in true }
        try await connection.run("""
            UPDATE items SET status = \(state.status.rawValue), output = \(state.output), chosen = \(state.chosen),
                current_set_id = \(state.currentSetID),
                margin = (SELECT consensus_margin FROM candidate_sets WHERE id = \(state.currentSetID)),
                fragility = (SELECT consensus_fragility FROM candidate_sets WHERE id = \(state.currentSetID)),
                reviews = \(reviewed.reviewers.count), contested = \(reviewed.contested)
            WHERE id = \(itemID)
            """, store)
        try await connection.run("DELETE FROM item_reviewers WHERE item_id = \(itemID)", store)
        if !reviewed.reviewers.isEmpty {
            try await connection.run("""
                INSERT INTO item_reviewers (item_id, curator) SELECT \(itemID), unnest(\(reviewed.reviewers)::text[])
                """, store)
        }
        return before.map { $0.0 != state.status.rawValue || $0.1 != state.output } ?? true
    }
}
