// QuorumStorePostgres/Leases: Items handed to curators by leases (claimed with SKIP LOCKED, renewed, released,
// expiring), and the headless curator that works through them.

import Foundation
import QuorumStore

/// A curator without a screen: claims a few items at a time, accepts each under an id of its
/// own making, and reports each decision once the store has acknowledged it; releases what it
/// still holds when it stops. What the kill -9 test and `quorum bench team` run.
public struct HeadlessCurator: Sendable {
    public let name: String
    public var claimSize: Int
    public var leaseDuration: Duration

    public init(name: String, claimSize: Int = 20, leaseDuration: Duration = .seconds(60)) {
        self.name = name
        self.claimSize = claimSize
        self.leaseDuration = leaseDuration
    }

    /// Decides until no pending item is left (or `limit` decisions); returns how many it made.
    @discardableResult
    public func run(
        on store: PostgresStore, limit: Int? = nil,
        acknowledged: (_ itemID: Int64, _ decision: Decision, _ seconds: Double) async throws -> Void
    ) async throws -> Int {
        var made = 0
        while limit.map({ made < $0 }) ?? true {
            let claimed = try await store.claim(claimSize, for: name, duration: leaseDuration)
            if claimed.isEmpty { break }
            for itemID in claimed where limit.map({ made < $0 }) ?? true {
                let start = ContinuousClock.now
                let decision = try await store.decide(.accept, itemID: itemID, curator: name, clientID: UUID())
                let elapsed = ContinuousClock.now - start
                made += 1
                try await acknowledged(itemID, decision, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            try await store.release(claimed, for: name)
        }
        return made
    }
}
