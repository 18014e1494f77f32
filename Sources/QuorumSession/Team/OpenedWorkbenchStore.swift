import QuorumEngine
import QuorumStore
import QuorumStorePostgres

/// The store `quorum review` works on: a SQLite store of one's own (which the engine can
/// write into), or a team's PostgreSQL store (`TeamWorkbenchStore`).
public struct OpenedWorkbenchStore: Sendable {
    public let store: any WorkbenchStore
    /// The SQLite store, when it is one.
    public let local: Store?
    private let team: TeamWorkbenchStore?
    private let closing: @Sendable () async -> Void

    private init(store: any WorkbenchStore, local: Store?, team: TeamWorkbenchStore? = nil, closing: @escaping @Sendable () async -> Void) {
        self.store = store
        self.local = local
        self.team = team
        self.closing = closing
    }

    /// Opens `path` (a SQLite path or a postgresql:// URL) for `curator`'s decisions.
    public static func open(_ path: String, curator: String, command: String) async throws -> OpenedWorkbenchStore {
        if PostgresLocation.isURL(path) {
            let team = try await TeamWorkbenchStore.open(try PostgresLocation(parsing: path), curator: curator)
            return OpenedWorkbenchStore(store: team, local: nil, team: team) { await team.close() }
        }
        // Decisions need no run: the engine claims it when it starts (see ReviewEngine).
        let store = try Store.open(at: path, access: .write(command: command), options: StoreOpenOptions(claimsRun: false))
        return OpenedWorkbenchStore(store: store, local: store) { try? store.close() }
    }

    /// The engine the workbench runs on this store: generating into a store of one's own;
    /// on a team's, rerunning only.
    public func engineStarter(config: QuorumConfig, curator: String) -> ReviewSession.EngineStarter? {
        if let local {
            return { inbox in ReviewEngine(config: config, store: local, curator: curator, inbox: inbox) }
        }
        guard let team else { return nil }
        return { inbox in team.rerunsOnlyEngine(config: config, inbox: inbox) }
    }

    public func close() async {
        await closing()
    }
}
