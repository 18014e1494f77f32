import Foundation
import QuorumStore

/// A run of the engine on a team's store: the engine writes into a local SQLite store (its
/// own, resumable as ever), and each item it finishes is appended to the team's store in the
/// order the engine made them, announced to every open workbench. One engine at a time owns
/// a team store's feed (an advisory lock): a second is refused.
public final class TeamRunFeed: Sendable {
    public let local: Store
    public let runID: Int64
    public let team: SharedPostgresStore
    /// The team store's run for this local run.
    let source: String

    public init(local: Store, runID: Int64, team: SharedPostgresStore) {
        self.local = local
        self.runID = runID
        self.team = team
        self.source = "generate, fed from \(local.path) run \(runID)"
    }

    /// Makes this engine the feed's owner, or says who is.
    public func takeOwnership() async throws {
        let owner = try await team.run { try await $0.takeFeedOwnership() }
        guard owner else {
            throw PostgresStoreError.refused(
                "another engine is feeding \(team.location); one engine run feeds a team's store at a time")
        }
    }

    /// Appends the finished items not yet fed, up to the first the engine is still on;
    /// returns how many.
    @discardableResult
    public func feedFinished() async throws -> Int {
        let items = try await local.itemsOfRun(runID)
        let source = source
        var fed = try await team.run { store in
            guard try await store.takeFeedOwnership() else {
                throw PostgresStoreError.refused("another engine took over feeding \(store.location)")
            }
            return try await store.fedItemCount(source: source)
        }
        let ready = items.dropFirst(fed).prefix { $0.finished }.map(\.id)
        var appended = 0
        for start in stride(from: 0, to: ready.count, by: 500) {
            let rows = try await local.readRows(items: Array(ready[start..<min(start + 500, ready.count)]))
            let alreadyFed = fed
            appended += try await team.run { try await $0.feed(rows, source: source, alreadyFed: alreadyFed) }
            fed += rows.itemCount
        }
        return appended
    }

    /// Feeds every quarter second until cancelled, then what is left.
    public func follow() async throws {
        while !Task.isCancelled {
            try await feedFinished()
            try? await Task.sleep(for: .milliseconds(250))
        }
    }
}
