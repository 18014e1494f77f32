import Foundation
import QuorumStore
import QuorumStorePostgres

extension TeamWorkbenchStore {
    /// Stores the decision in the team's store under an id made here (a retry after a lost
    /// connection finds it instead of storing it twice), then brings the item's rows into the
    /// mirror. An outcome or a rerun (a new set for every reviewer) needs the item's lease
    /// (`ensureLease`).
    public func record(_ action: DecisionAction, on itemID: Int64, curator: String) async throws -> Decision {
        if action.kind.isOutcome || action.kind == .rerun { try await ensureLease(on: itemID) }
        let clientID = UUID()
        let decision = try await team.run { try await $0.decide(action, itemID: itemID, curator: curator, clientID: clientID) }
        try await refresh([itemID])
        markCountsChanged()
        return decision
    }

    public func decideBatch(_ action: DecisionAction, items: [Int64], curator: String) async throws -> BatchOutcome {
        let outcome = try await team.run { try await $0.decideBatch(action, items: items, curator: curator) }
        try await refresh(outcome.itemIDs)
        markCountsChanged()
        return outcome
    }

    public func undoBatch(_ batchID: Int64, curator: String) async throws -> BatchOutcome {
        let outcome = try await team.run { try await $0.undoBatch(batchID, curator: curator) }
        try await refresh(outcome.itemIDs)
        markCountsChanged()
        return outcome
    }

    /// Logs the skip and gives the item back to the pool for another curator.
    public func skip(_ itemID: Int64, curator: String) async throws {
        try await team.run { try await $0.skip(itemID, curator: curator) }
        leases.remove([itemID])
        try await refresh([itemID])
    }

    /// The team's dataset (its outcomes under the policy), read from the team's store.
    public func export(_ request: ExportRequest, toFile path: String) async throws -> ExportSummary {
        try await Self.withOwnConnection(location, environment) { try await $0.export(request, to: .file(path: path)) }
    }

    func markCountsChanged() {
        shared.withLock { $0.countsChanged = true }
    }
}
