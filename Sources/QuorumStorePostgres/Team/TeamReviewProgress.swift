import Foundation
import PostgresNIO
import QuorumStore

/// How far a team's reviews are under its policy: items waiting for more reviews, and the
/// contested ones (enough reviews, no resolution), ascending.
public struct TeamReviewProgress: Sendable, Equatable {
    public var policy: TeamPolicy
    /// Pending items with at least one review but fewer than the policy needs.
    public var inReview: Int
    /// Items whose reviews are all in and resolved: what the output counts.
    public var resolved: Int
    public var contested: [Int64]

    /// The line `quorum stats` and `quorum store team` print.
    public var reportLine: String {
        var line = "team: \(policy); \(resolved) items resolved, \(inReview) in review, \(contested.count) contested"
        if !contested.isEmpty {
            line += ": items " + contested.prefix(10).map(String.init).joined(separator: ", ")
            if contested.count > 10 { line += ", …" }
        }
        return line
    }
}

extension PostgresStore {
    public func reviewProgress() async throws -> TeamReviewProgress {
        try await transaction(isolation: .repeatableRead) { connection in
            let policy = try await Self.teamPolicy(connection, self, lock: false)
            let (inReview, resolved) = try await connection.run("""
                SELECT COUNT(*) FILTER (WHERE status = 'pending' AND NOT contested AND reviews > 0),
                    COUNT(*) FILTER (WHERE status IN ('accepted', 'overridden', 'edited', 'rejected'))
                FROM items
                """, self).decode((Int, Int).self).first { _ in true } ?? (0, 0)
            let contested = try await contestedItems(connection)
            return TeamReviewProgress(policy: policy, inReview: inReview, resolved: resolved, contested: contested)
        }
    }

    /// The contested items, ascending.
    public func contestedItems() async throws -> [Int64] {
        try await transaction { connection in try await contestedItems(connection) }
    }

    private func contestedItems(_ connection: PostgresConnection) async throws -> [Int64] {
        try await connection.run("SELECT id FROM items WHERE contested ORDER BY id", self).decode(Int64.self).collect()
    }
}
