import QuorumCore
import QuorumStore
import QuorumTUI

/// What the workbench's runtime asks of the store: pages of the queue, whole items, counts
/// and statistics to read; decisions and exports to write. `Store` is the real one; tests
/// also run the runtime on an in-memory one.
public protocol WorkbenchStore: Sendable {
    /// Where the store is, as the stats view names it.
    var path: String { get }
    func queueListing(
        _ selection: QueueSelection, matching search: TextSearch?, after cursor: ReviewCursor, scanning window: Int,
        limit: Int
    ) async throws -> QueueListingPage
    func item(_ id: Int64) async throws -> ItemDetail
    func countsByStatus() async throws -> [ItemStatus: Int]
    /// Accepted items no human decided (`generate --auto-accept`).
    func autoAcceptedCount() async throws -> Int
    /// Everything `quorum stats` reports, over the items `filter` passes (all when nil).
    func stats(filter: FilterExpression?) async throws -> StoreStats
    func spotCheckVerdict(of itemID: Int64) async throws -> ErrorRateEstimate.Verdict?
    /// Appends `action` to the item's log.
    func record(_ action: DecisionAction, on itemID: Int64, curator: String) async throws -> Decision
    /// The item's log, oldest first, each entry with whether it is still in force.
    func history(of itemID: Int64) async throws -> [LoggedDecision]
    /// Every candidate set the item has had, oldest first, each as the item with that set.
    func candidateSets(of itemID: Int64) async throws -> [ItemDetail]
    /// Reasons given for rejections, most used first.
    func rejectReasons(limit: Int) async throws -> [String]
    /// The item's latest decision still in force that `u` would undo; nil when none is left.
    func latestUndoableDecision(of itemID: Int64) async throws -> Int64?
    /// The pending items a bulk decision over `selection` would decide.
    func batchTargets(_ selection: QueueSelection, matching search: TextSearch?) async throws -> [Int64]
    /// Decides the items in one transaction as one batch.
    func decideBatch(_ action: DecisionAction, items: [Int64], curator: String) async throws -> BatchOutcome
    /// Undoes every decision of the batch still in force, as one batch.
    func undoBatch(_ batchID: Int64, curator: String) async throws -> BatchOutcome
    func export(_ request: ExportRequest, toFile path: String) async throws -> ExportSummary
    /// The instance rerun's new item an undo also changed (`StoreTransaction.linkedInstanceRerun`).
    func linkedInstanceRerun(ofUndo decision: Decision) async throws -> Int64?
    /// The item of the curator's latest decision, where a new session resumes.
    func lastItemDecided(by curator: String) async throws -> Int64?
    /// Logs that the curator skipped the item (its state does not change).
    func skip(_ itemID: Int64, curator: String) async throws
    /// The largest item id; 0 for none. Items another process commits show up here.
    func latestItemID() async throws -> Int64
    /// Whether this process holds the store's run (its own engine reports the items it adds).
    var holdsRun: Bool { get }
    /// Posts what others change in the store (new items, their decisions) to the workbench
    /// until cancelled.
    func watch(_ inbox: WorkbenchInbox) async
    /// Lines the stats view adds under "Team", and the items two curators decided
    /// differently: none on a store of one's own.
    func teamReport() async throws -> (lines: [String], disagreements: [Int64])
}

extension WorkbenchStore {
    public func teamReport() async throws -> (lines: [String], disagreements: [Int64]) { ([], []) }

    public func watch(_ inbox: WorkbenchInbox) async {
        await ReviewSession.pollArrivals(self, inbox)
    }
}

extension Store: WorkbenchStore {
    public func record(_ action: DecisionAction, on itemID: Int64, curator: String) async throws -> Decision {
        try await write { try $0.append(action, to: itemID, curator: curator) }
    }

    public func latestUndoableDecision(of itemID: Int64) async throws -> Int64? {
        try await history(of: itemID).last { $0.isActive && $0.decision.kind != .undo && $0.decision.kind != .note }?.decision.id
    }

    public func decideBatch(_ action: DecisionAction, items: [Int64], curator: String) async throws -> BatchOutcome {
        try await write { try $0.decideBatch(action, items: items, curator: curator) }
    }

    public func undoBatch(_ batchID: Int64, curator: String) async throws -> BatchOutcome {
        try await write { try $0.undoBatch(batchID, curator: curator) }
    }

    public func skip(_ itemID: Int64, curator: String) async throws {
        try await write { try $0.skip(itemID, curator: curator) }
    }

    public func export(_ request: ExportRequest, toFile path: String) async throws -> ExportSummary {
        try await export(request, to: .file(path: path))
    }
}
