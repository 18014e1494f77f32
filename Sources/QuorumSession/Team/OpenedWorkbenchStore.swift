// QuorumSession/Team: The workbench on a team's PostgreSQL store: a local SQLite mirror read at its speed, decisions
// written to the team's store first, items handed out by leases, others' changes pushed live.

import QuorumStore
import QuorumStorePostgres

/// The store `quorum review` works on: a SQLite store of one's own (which the engine can
/// write into), or a team's PostgreSQL store (`TeamWorkbenchStore`).
public struct OpenedWorkbenchStore: Sendable {
    public let store: any WorkbenchStore
    /// The SQLite store, when it is one.
    public let local: Store?
    private let closing: @Sendable () async -> Void

    /// Opens `path` (a SQLite path or a postgresql:// URL) for `curator`'s decisions.
    public static func open(_ path: String, curator: String, command: String) async throws -> OpenedWorkbenchStore {
        if PostgresLocation.isURL(path) {
            let team = try await TeamWorkbenchStore.open(try PostgresLocation(parsing: path), curator: curator)
            return OpenedWorkbenchStore(store: team, local: nil) { await team.close() }
        }
        // Decisions need no run: the engine claims it when it starts (see ReviewEngine).
        let store = try Store.open(at: path, access: .write(command: command), options: StoreOpenOptions(claimsRun: false))
        return OpenedWorkbenchStore(store: store, local: store) { try? store.close() }
    }

    public func close() async {
        await closing()
    }
}
