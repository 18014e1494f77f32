import Foundation
import QuorumStore
import QuorumStorePostgres

/// `quorum generate` on a team's store: the engine runs into a local SQLite store beside the
/// configuration (named after the team's database, so running the same command again resumes
/// it), and a `TeamRunFeed` appends each finished item to the team's store as it comes.
public struct TeamGeneration: Sendable {
    public let url: String
    /// The engine's own store.
    public let localPath: String

    /// Nil for a SQLite store.
    public static func plan(_ store: String) -> TeamGeneration? {
        guard PostgresLocation.isURL(store) else { return nil }
        let place = store.split(separator: "?").first.map(String.init) ?? store
        let name = place.split(separator: "@").last.map { $0.map { $0.isLetter || $0.isNumber ? $0 : "-" } } ?? []
        return TeamGeneration(url: store, localPath: "quorum-feed-" + String(name) + ".sqlite")
    }

    /// Takes the feed's ownership, feeds what an earlier run of the command left, and follows
    /// the engine from now on.
    public func start(local: Store, runID: Int64, report: @escaping @Sendable (String) -> Void) async throws -> Feeding {
        let location = try PostgresLocation(parsing: url)
        let feed = TeamRunFeed(local: local, runID: runID, team: SharedPostgresStore(location: location) { event in
            switch event {
            case .connectionLost(let reason): report("lost the team's store (\(reason)); reconnecting")
            case .reconnected(let attempts): report("reconnected to the team's store after \(attempts) attempts")
            }
        })
        do {
            try await feed.takeOwnership()
            try await feed.feedFinished()
        } catch {
            await feed.team.close()
            throw error
        }
        report("each finished item goes to \(location) (the engine's own store is \(localPath))")
        return Feeding(feed: feed, follower: Task { try await feed.follow() })
    }

    public struct Feeding: Sendable {
        let feed: TeamRunFeed
        let follower: Task<Void, any Error>

        /// Stops following and feeds what is left.
        public func finish() async throws {
            follower.cancel()
            _ = try? await follower.value
            try await feed.feedFinished()
            await feed.team.close()
        }
    }
}
