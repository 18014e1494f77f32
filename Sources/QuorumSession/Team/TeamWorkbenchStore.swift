import Foundation
import Synchronization
import QuorumCore
import QuorumEngine
import QuorumStore
import QuorumStorePostgres
import QuorumTUI

/// A curator's workbench on a team's PostgreSQL store.
///
/// Reads come from a mirror: a SQLite copy of the team's store taken when the workbench opens
/// (each item as this curator sees it: `PostgresStore.applyView`), kept current from the
/// team's store after every write of this curator's and on every change another announces
/// (`LISTEN`). So the queue, the filter language, search and the item pane work as on a store
/// of one's own, at its speed. Writes go to the team's store first, under ids made here, and
/// reach the mirror once stored there. The queue of items awaiting review lists the items
/// leased to this curator (`TeamLeases`), claimed under the queue's filter and order.
public final class TeamWorkbenchStore: WorkbenchStore {
    public let location: PostgresLocation
    public let curator: String
    let kept: TeamMirror
    let team: SharedPostgresStore
    let environment: [String: String]
    let leases: TeamLeases
    let shared: SharedState

    struct Shared {
        var inbox: WorkbenchInbox?
        var status = TeamStatus()
        var countsChanged = false
        /// The connection `LISTEN`ing for others' changes, while there is one.
        var listener: PostgresStore?
    }

    final class SharedState: Sendable {
        private let state = Mutex(Shared())

        func withLock<T>(_ body: (inout Shared) -> T) -> T {
            state.withLock { body(&$0) }
        }
    }

    public var path: String { location.description }
    var mirror: Store { kept.store }
    /// Whether the mirror stays for the next session (else it goes at close).
    public var keepsMirror: Bool { kept.isKept }
    public var holdsRun: Bool { false }

    /// Said when the workbench's engine starts: on a team's store it reruns, and the items
    /// come from a headless engine (`TeamGeneration`) that feeds every workbench.
    public static let rerunsOnlyNotice =
        "the engine reruns here (r); new items come from quorum generate --store <url>, which feeds every workbench"

    /// The workbench's engine: it reads items from the mirror and stores its reruns in the
    /// team's store, as this curator's.
    public func rerunsOnlyEngine(config: QuorumConfig, inbox: WorkbenchInbox) -> ReviewEngine {
        ReviewEngine(
            config: config, store: mirror, curator: curator, inbox: inbox,
            rerunsOnly: ReviewEngine.RerunsOnly(notice: Self.rerunsOnlyNotice) { newSet, itemID, curator in
                _ = try await self.record(.rerun(newSet), on: itemID, curator: curator)
            })
    }

    private init(
        location: PostgresLocation, curator: String, kept: TeamMirror, team: SharedPostgresStore,
        environment: [String: String], shared: SharedState
    ) {
        self.location = location
        self.curator = curator
        self.kept = kept
        self.team = team
        self.environment = environment
        self.leases = TeamLeases()
        self.shared = shared
    }

    /// Connects, and opens this curator's mirror (`TeamMirror`: the one kept from the last
    /// session, brought up to date, or a new copy); the first listing of the queue claims items.
    public static func open(
        _ location: PostgresLocation, curator: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> TeamWorkbenchStore {
        let shared = SharedState()
        // A decision or a lease is a few round trips: a step that takes seconds has lost its server.
        let team = SharedPostgresStore(location: location, environment: environment, answerWithin: .seconds(5)) { event in
            Self.connectionChanged(event, shared)
        }
        let kept: TeamMirror
        do {
            kept = try await TeamMirror.open(location, curator: curator, environment: environment)
        } catch {
            await team.close()
            throw error
        }
        return TeamWorkbenchStore(
            location: location, curator: curator, kept: kept, team: team, environment: environment, shared: shared)
    }

    /// Gives this curator's leases back, disconnects, and closes the mirror (kept for the next
    /// session, or removed).
    public func close() async {
        if let listener = shared.withLock({ $0.listener }) { await listener.close() }
        _ = try? await team.run { [curator] in try await $0.release(for: curator) }
        await team.close()
        kept.close()
    }

    private static func connectionChanged(_ event: SharedPostgresStore.Event, _ shared: SharedState) {
        let (inbox, status) = shared.withLock { state -> (WorkbenchInbox?, TeamStatus) in
            if case .connectionLost = event { state.status.isConnected = false } else { state.status.isConnected = true }
            return (state.inbox, state.status)
        }
        inbox?.post(WorkbenchAction.teamStatus(status))
        if case .reconnected = event {
            inbox?.post(WorkbenchAction.notice(StatusMessage("the team's store is back", .success)))
        }
    }

    /// Runs a long read (the whole store, an export) on a connection of its own, so that it
    /// holds up no decision and is not bounded like one.
    static func withOwnConnection<T: Sendable>(
        _ location: PostgresLocation, _ environment: [String: String], _ body: (PostgresStore) async throws -> T
    ) async throws -> T {
        try await PostgresStore.with(location, environment: environment, body)
    }

    func post(_ action: WorkbenchAction) {
        shared.withLock { $0.inbox }?.post(action)
    }
}

extension QueueSelection {
    /// Whether the selection lists only items awaiting review: on a team's store, the leased ones.
    var isLeasedQueue: Bool {
        itemIDs == nil && !statuses.isEmpty && Set(statuses).isSubset(of: Set(ItemStatus.awaitingReview))
    }
}
