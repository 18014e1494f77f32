import Foundation
import PostgresNIO
import QuorumStore

extension PostgresStore {
    /// Caches what each log derives under `policy` on its item (status, output, chosen set,
    /// reviews, contested) and its reviewers, for items whose rows the caller has locked: one
    /// UPDATE and one INSERT for all of them, their values passed as one JSON document.
    /// Returns how many changed status or output.
    @discardableResult
    static func writeDerivedStates(
        _ logs: [DecisionLog], _ policy: TeamPolicy, _ connection: PostgresConnection, _ store: PostgresStore
    ) async throws -> Int {
        guard !logs.isEmpty else { return 0 }
        struct Row: Encodable {
            var id: Int64, status: String, output: String?, chosen: Int?, setID: Int64, reviews: Int, contested: Bool
            enum CodingKeys: String, CodingKey { case id, status, output, chosen, setID = "set_id", reviews, contested }
        }
        struct Reviewer: Encodable {
            var itemID: Int64, curator: String
            enum CodingKeys: String, CodingKey { case itemID = "item_id", curator }
        }
        var rows: [Row] = []
        var reviewers: [Reviewer] = []
        for log in logs {
            let reviewed = log.derive(under: policy)
            let state = reviewed.state
            rows.append(Row(
                id: log.itemID, status: state.status.rawValue, output: state.output, chosen: state.chosen,
                setID: state.currentSetID, reviews: reviewed.reviewers.count, contested: reviewed.contested))
            reviewers += reviewed.reviewers.map { Reviewer(itemID: log.itemID, curator: $0) }
        }
        let ids = logs.map(\.itemID)
        let encoder = JSONEncoder()
        let rowsJSON = String(decoding: try encoder.encode(rows), as: UTF8.self)
        let changed = try await connection.run("""
            WITH derived AS (
                SELECT * FROM jsonb_to_recordset(\(rowsJSON)::jsonb)
                    AS d(id BIGINT, status TEXT, output TEXT, chosen BIGINT, set_id BIGINT, reviews INTEGER, contested BOOLEAN)
            ), before AS (
                SELECT i.id, i.status, i.output FROM items i JOIN derived d ON d.id = i.id
            ), updated AS (
                UPDATE items i SET status = d.status, output = d.output, chosen = d.chosen, current_set_id = d.set_id,
                    margin = s.consensus_margin, fragility = s.consensus_fragility, reviews = d.reviews,
                    contested = d.contested
                FROM derived d LEFT JOIN candidate_sets s ON s.id = d.set_id
                WHERE i.id = d.id
                RETURNING i.id
            )
            SELECT COUNT(*) FROM before b JOIN derived d ON d.id = b.id
            WHERE b.status <> d.status OR b.output IS DISTINCT FROM d.output
            """, store).decode(Int.self).first { _ in true } ?? 0
        try await connection.run("DELETE FROM item_reviewers WHERE item_id = ANY(\(ids))", store)
        if !reviewers.isEmpty {
            let reviewersJSON = String(decoding: try encoder.encode(reviewers), as: UTF8.self)
            try await connection.run("""
                INSERT INTO item_reviewers (item_id, curator)
                SELECT item_id, curator FROM jsonb_to_recordset(\(reviewersJSON)::jsonb) AS r(item_id BIGINT, curator TEXT)
                """, store)
        }
        return changed
    }
}
