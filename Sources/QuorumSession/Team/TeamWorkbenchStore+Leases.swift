import QuorumStore

extension TeamWorkbenchStore {
    /// Claims items for the queue `selection` lists (its filter and order) until this
    /// curator holds `TeamLeases.claimSize` of them still awaiting review, when fewer than
    /// `TeamLeases.lowWater` are left; returns the items claimed. Candidates come from the
    /// mirror, a few windows of them; the team's store leases those still free.
    @discardableResult
    func topUpLeases(for selection: QueueSelection) async throws -> [Int64] {
        let open = try await heldAwaitingReview(selection)
        guard open.count < TeamLeases.lowWater else { return [] }
        var wanted = TeamLeases.claimSize - open.count
        var claimed: [Int64] = []
        var cursor = ReviewCursor.start
        for _ in 0..<5 where wanted > 0 {
            let page = try await mirror.queueListing(selection, after: cursor, scanning: 2_000, limit: 200)
            let held = Set(leases.held)
            let candidates = page.rows.map(\.itemID).filter { !held.contains($0) }
            if !candidates.isEmpty {
                let got = try await team.run { [curator, wanted] store in
                    try await store.claim(wanted, of: candidates, for: curator, duration: TeamLeases.duration)
                }
                leases.add(got)
                claimed += got
                wanted -= got.count
            }
            if page.isLast { break }
            cursor = page.scannedThrough
        }
        if !claimed.isEmpty { try await refresh(claimed) }
        return claimed
    }

    /// A new queue (another filter or order): the held items it does not list that this
    /// curator has not decided go back to the pool, and items are claimed for it.
    func switchLeases(to selection: QueueSelection) async throws {
        let listed = Set(try await heldAwaitingReview(selection))
        let unlisted = try await heldAwaitingReview(QueueSelection(statuses: ItemStatus.awaitingReview)).filter { !listed.contains($0) }
        if !unlisted.isEmpty {
            _ = try await team.run { [curator] in try await $0.release(unlisted, for: curator) }
            leases.remove(unlisted)
        }
        try await topUpLeases(for: selection)
    }

    /// The held items `selection` lists that the mirror still shows awaiting review (this
    /// curator has not decided them).
    func heldAwaitingReview(_ selection: QueueSelection) async throws -> [Int64] {
        let held = leases.held
        guard !held.isEmpty else { return [] }
        var scoped = selection
        scoped.itemIDs = held
        return try await mirror.queueListing(scoped, after: .start, scanning: held.count, limit: held.count).rows.map(\.itemID)
    }

    /// Extends every lease held; forgets those that lapsed and went to someone else.
    func renewLeases() async throws {
        let held = leases.held
        guard !held.isEmpty else { return }
        let kept = try await team.run { [curator] in try await $0.renew(held, for: curator, duration: TeamLeases.duration) }
        leases.keep(only: kept)
    }

    /// Holds `itemID` before a decision on it: a lease of this curator's, or one claimed now.
    /// An item this curator already reviewed needs none (they change their own review).
    func ensureLease(on itemID: Int64) async throws {
        guard !leases.holds(itemID) else { return }
        let got = try await team.run { [curator] in
            try await $0.claim(1, of: [itemID], for: curator, duration: TeamLeases.duration)
        }
        if !got.isEmpty {
            leases.add(got)
            return
        }
        let history = try await mirror.history(of: itemID)
        guard history.contains(where: { $0.decision.curator == curator && $0.decision.kind.isOutcome }) else {
            throw StoreError.refused("#\(itemID) is with other curators (they hold it, or it has its reviews); it is not yours to decide")
        }
    }

    /// Copies the items' rows from the team's store into the mirror.
    func refresh(_ itemIDs: [Int64]) async throws {
        guard !itemIDs.isEmpty else { return }
        let rows = try await team.run { [curator] in try await $0.mirrorRows(items: itemIDs, viewedBy: curator) }
        try await mirror.merge(rows)
    }
}
