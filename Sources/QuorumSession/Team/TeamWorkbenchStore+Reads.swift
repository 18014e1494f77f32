import QuorumCore
import QuorumStore
import QuorumStorePostgres

extension TeamWorkbenchStore {
    /// The queue of items awaiting review lists the leased ones; a new filter or order claims
    /// items under it first. Every other listing (the curated, all) is the mirror's.
    public func queueListing(
        _ selection: QueueSelection, matching search: TextSearch?, after cursor: ReviewCursor, scanning window: Int,
        limit: Int
    ) async throws -> QueueListingPage {
        guard selection.isLeasedQueue else {
            return try await mirror.queueListing(selection, matching: search, after: cursor, scanning: window, limit: limit)
        }
        if leases.use(selection) { try await switchLeases(to: selection) }
        var leased = selection
        leased.itemIDs = leases.held
        return try await mirror.queueListing(leased, matching: search, after: cursor, scanning: window, limit: limit)
    }

    /// A bulk decision over the queue of items awaiting review decides the leased ones only.
    public func batchTargets(_ selection: QueueSelection, matching search: TextSearch?) async throws -> [Int64] {
        var scoped = selection
        if selection.isLeasedQueue { scoped.itemIDs = leases.held }
        return try await mirror.batchTargets(scoped, matching: search)
    }

    public func item(_ id: Int64) async throws -> ItemDetail { try await mirror.item(id) }
    public func countsByStatus() async throws -> [ItemStatus: Int] { try await mirror.countsByStatus() }
    public func autoAcceptedCount() async throws -> Int { try await mirror.autoAcceptedCount() }
    public func history(of itemID: Int64) async throws -> [LoggedDecision] { try await mirror.history(of: itemID) }
    public func candidateSets(of itemID: Int64) async throws -> [ItemDetail] { try await mirror.candidateSets(of: itemID) }
    public func rejectReasons(limit: Int) async throws -> [String] { try await mirror.rejectReasons(limit: limit) }
    public func lastItemDecided(by curator: String) async throws -> Int64? { try await mirror.lastItemDecided(by: curator) }
    public func latestItemID() async throws -> Int64 { try await mirror.latestItemID() }
    public func linkedInstanceRerun(ofUndo decision: Decision) async throws -> Int64? { nil }

    public func spotCheckVerdict(of itemID: Int64) async throws -> ErrorRateEstimate.Verdict? {
        try await mirror.spotCheckVerdict(of: itemID)
    }

    /// `u` undoes this curator's own latest decision in force, never another's.
    public func latestUndoableDecision(of itemID: Int64) async throws -> Int64? {
        try await history(of: itemID).last {
            $0.isActive && $0.decision.curator == curator && $0.decision.kind != .undo && $0.decision.kind != .note
        }?.decision.id
    }

    /// The team's statistics (every curator's decisions, the team's outcomes).
    public func stats(filter: FilterExpression?) async throws -> StoreStats {
        try await Self.withOwnConnection(location, environment) { try await $0.stats(filter: filter) }
    }

    /// Each curator's decisions and overrides, their agreement (kappa per pair with the items
    /// they differ on, alpha overall) and how far the reviews are.
    public func teamReport() async throws -> (lines: [String], disagreements: [Int64]) {
        try await Self.withOwnConnection(location, environment) { store in
            let agreement = try await store.teamAgreement()
            let lines = agreement.reportLines + [try await store.reviewProgress().reportLine]
            return (lines, Array(Set(agreement.pairs.flatMap(\.disagreements))).sorted())
        }
    }
}
