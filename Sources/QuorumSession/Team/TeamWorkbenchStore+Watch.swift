import Foundation
import QuorumStore
import QuorumStorePostgres
import QuorumTUI

extension TeamWorkbenchStore {
    /// Listens for others' changes and keeps the leases, until cancelled.
    public func watch(_ inbox: WorkbenchInbox) async {
        shared.withLock { $0.inbox = inbox }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.listen() }
            group.addTask { await self.keepLeases() }
        }
    }

    /// Brings what others announce into the mirror within the second. Once listening (again,
    /// after a lost connection, whose announcements are gone), what changed meanwhile is read.
    private func listen() async {
        while !Task.isCancelled {
            do {
                let listener = try await PostgresStore.open(location, environment: environment)
                shared.withLock { $0.listener = listener }
                defer { Task { await listener.close() } }
                try await listener.listenForChanges { changes in
                    try await self.catchUp()
                    for try await change in changes { try await self.absorb(change) }
                }
            } catch {}
            shared.withLock { $0.listener = nil }
            try? await Task.sleep(for: .milliseconds(500))
        }
    }

    private func absorb(_ change: StoreChange) async throws {
        switch change {
        case .decided(let itemID, let by):
            guard by != curator else { return }
            try await refresh([itemID])
            markCountsChanged()
            if leases.holds(itemID) { try await postItem(itemID) }
        case .imported:
            let latest = try await mirror.latestItemID()
            let rows = try await team.run { [curator] in try await $0.mirrorRows(itemsAfter: latest, viewedBy: curator) }
            try await mirror.merge(rows)
            markCountsChanged()
        }
    }

    /// The items the team's store holds differently from the mirror (`TeamMirror.catchUp`);
    /// the whole store again when the mirror is ahead of it (it was restored from a copy).
    private func catchUp() async throws {
        let changed: [Int64]
        do {
            changed = try await Self.withOwnConnection(location, environment) { [mirror, curator] team in
                try await TeamMirror.catchUp(mirror, team, curator: curator)
            }
        } catch is TeamMirror.OutOfStep {
            let rows = try await Self.withOwnConnection(location, environment) { [curator] in
                try await $0.mirrorRows(viewedBy: curator)
            }
            try await mirror.merge(rows)
            markCountsChanged()
            for itemID in leases.held { try await postItem(itemID) }
            return
        }
        guard !changed.isEmpty else { return }
        markCountsChanged()
        for itemID in changed where leases.holds(itemID) { try await postItem(itemID) }
    }

    private func postItem(_ itemID: Int64) async throws {
        post(.itemLoaded(try await mirror.item(itemID)))
        post(.historyLoaded(itemID: itemID, try await mirror.history(of: itemID)))
    }

    /// Each second: renews the leases when due, claims more when few are left (waiting a
    /// while after finding none), says who else is working, and recounts after changes.
    private func keepLeases() async {
        let clock = ContinuousClock()
        var renewed = clock.now
        var nextClaim = clock.now
        var nextPresence = clock.now
        while !Task.isCancelled {
            do {
                if clock.now - renewed >= TeamLeases.renewEvery {
                    try await renewLeases()
                    renewed = clock.now
                }
                if clock.now >= nextClaim, let selection = leases.selection {
                    let claimed = try await topUpLeases(for: selection)
                    for itemID in claimed { post(.itemClaimed(try await mirror.item(itemID))) }
                    let waiting = try await heldAwaitingReview(selection).count
                    nextClaim = clock.now + (claimed.isEmpty && waiting < TeamLeases.lowWater ? .seconds(5) : .zero)
                }
                if clock.now >= nextPresence {
                    try await postPresence()
                    nextPresence = clock.now + .seconds(2)
                }
                if shared.withLock({ state in defer { state.countsChanged = false }; return state.countsChanged }) {
                    post(.countsLoaded(StatusCounts(try await mirror.countsByStatus(), auto: try await mirror.autoAcceptedCount())))
                }
            } catch {
                // The connection's own events tell the curator; the next round tries again.
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }

    private func postPresence() async throws {
        let presence = try await team.run { try await $0.presence() }
        let status = shared.withLock { state -> TeamStatus in
            state.status = TeamStatus(
                others: presence.curators.filter { $0.name != curator }.map { TeamStatus.Curator(name: $0.name, leased: $0.leased) },
                reviewsPerItem: presence.policy.reviewsPerItem, resolved: presence.resolved, open: presence.open,
                contested: presence.contested, isConnected: true)
            return state.status
        }
        post(.teamStatus(status))
    }
}
