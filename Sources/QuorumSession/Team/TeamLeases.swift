import Synchronization
import QuorumStore

/// The items a curator's workbench holds leases on, and the queue they were claimed for.
final class TeamLeases: Sendable {
    /// How long a lease lasts unrenewed: how soon a crashed workbench's items return to the pool.
    static let duration: Duration = .seconds(90)
    static let renewEvery: Duration = .seconds(30)
    /// Items claimed at a time, and how few still awaiting review bring the next claim.
    static let claimSize = 25
    static let lowWater = 10

    private struct State {
        var held: Set<Int64> = []
        /// The queue the leases are for; nil until the workbench lists it.
        var selection: QueueSelection?
    }

    private let state = Mutex(State())

    var held: [Int64] { state.withLock { $0.held.sorted() } }
    var selection: QueueSelection? { state.withLock { $0.selection } }

    func holds(_ itemID: Int64) -> Bool { state.withLock { $0.held.contains(itemID) } }

    func add(_ itemIDs: [Int64]) {
        state.withLock { $0.held.formUnion(itemIDs) }
    }

    func remove(_ itemIDs: [Int64]) {
        state.withLock { $0.held.subtract(itemIDs) }
    }

    /// Keeps only `itemIDs` (what a renewal found still leased).
    func keep(only itemIDs: [Int64]) {
        state.withLock { $0.held.formIntersection(itemIDs) }
    }

    /// Remembers the queue's selection; returns whether it changed.
    func use(_ selection: QueueSelection) -> Bool {
        state.withLock { state in
            guard state.selection != selection else { return false }
            state.selection = selection
            return true
        }
    }
}
