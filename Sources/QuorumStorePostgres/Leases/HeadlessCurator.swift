// QuorumStorePostgres/Leases: Items handed to curators by leases (claimed with SKIP LOCKED, renewed, released,
// expiring), and the headless curator that works through them.

import Foundation
import QuorumStore

/// A curator without a screen: claims a few items at a time, accepts each under an id of its
/// own making, and reports each decision once the store has acknowledged it; releases what it
/// still holds when it stops. What the kill -9 and restart tests and `quorum bench team` run.
///
/// Every call to the store is bounded by `answerWithin`. When the connection is lost (the
/// server restarts, or stops answering), it says so, opens a new one until `reconnectWithin`
/// runs out, and retries the same step: a decision with the same client-made id, so a
/// decision that committed before its acknowledgement was lost is not stored twice.
public struct HeadlessCurator: Sendable {
    public let name: String
    public var claimSize: Int
    public var leaseDuration: Duration
    public var answerWithin: Duration = .seconds(20)
    public var reconnectWithin: Duration = .seconds(60)

    public typealias Event = SharedPostgresStore.Event

    public init(name: String, claimSize: Int = 20, leaseDuration: Duration = .seconds(60)) {
        self.name = name
        self.claimSize = claimSize
        self.leaseDuration = leaseDuration
    }

    /// Decides until no pending item is left (or `limit` decisions); returns how many it made.
    @discardableResult
    public func run(
        at location: PostgresLocation, environment: [String: String] = ProcessInfo.processInfo.environment,
        limit: Int? = nil, events: @escaping @Sendable (Event) -> Void = { _ in },
        acknowledged: (_ itemID: Int64, _ decision: Decision, _ seconds: Double) async throws -> Void
    ) async throws -> Int {
        let connection = SharedPostgresStore(
            location: location, environment: environment, answerWithin: answerWithin, reconnectWithin: reconnectWithin,
            events: events)
        var made = 0
        let name = name, claimSize = claimSize, leaseDuration = leaseDuration
        do {
            while limit.map({ made < $0 }) ?? true {
                let claimed = try await connection.run { store in
                    try await store.claim(claimSize, for: name, duration: leaseDuration)
                }
                if claimed.isEmpty { break }
                for itemID in claimed where limit.map({ made < $0 }) ?? true {
                    let clientID = UUID()
                    let start = ContinuousClock.now
                    let decision = try await connection.run { store in
                        try await store.decide(.accept, itemID: itemID, curator: name, clientID: clientID)
                    }
                    let elapsed = ContinuousClock.now - start
                    made += 1
                    try await acknowledged(
                        itemID, decision, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
                }
                _ = try await connection.run { store in try await store.release(claimed, for: name) }
            }
        } catch {
            // Its connection may never answer again: it is not waited for.
            Task { await connection.close() }
            throw error
        }
        await connection.close()
        return made
    }
}
