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

    public enum Event: Sendable, Equatable {
        case connectionLost(reason: String)
        case reconnected(attempts: Int)
    }

    public init(name: String, claimSize: Int = 20, leaseDuration: Duration = .seconds(60)) {
        self.name = name
        self.claimSize = claimSize
        self.leaseDuration = leaseDuration
    }

    /// Decides until no pending item is left (or `limit` decisions); returns how many it made.
    @discardableResult
    public func run(
        at location: PostgresLocation, environment: [String: String] = ProcessInfo.processInfo.environment,
        limit: Int? = nil, events: (Event) -> Void = { _ in },
        acknowledged: (_ itemID: Int64, _ decision: Decision, _ seconds: Double) async throws -> Void
    ) async throws -> Int {
        var connection = Connection(location: location, environment: environment, curator: self)
        defer { connection.abandon() }
        var made = 0
        while limit.map({ made < $0 }) ?? true {
            let claimed = try await connection.retrying(events) { store in
                try await store.claim(claimSize, for: name, duration: leaseDuration)
            }
            if claimed.isEmpty { break }
            for itemID in claimed where limit.map({ made < $0 }) ?? true {
                let clientID = UUID()
                let start = ContinuousClock.now
                let decision = try await connection.retrying(events) { store in
                    try await store.decide(.accept, itemID: itemID, curator: name, clientID: clientID)
                }
                let elapsed = ContinuousClock.now - start
                made += 1
                try await acknowledged(itemID, decision, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            _ = try await connection.retrying(events) { store in try await store.release(claimed, for: name) }
        }
        await connection.close()
        return made
    }

    /// The curator's store, opened again whenever the connection is lost.
    private struct Connection {
        let location: PostgresLocation
        let environment: [String: String]
        let curator: HeadlessCurator
        var store: PostgresStore?

        init(location: PostgresLocation, environment: [String: String], curator: HeadlessCurator) {
            self.location = location
            self.environment = environment
            self.curator = curator
        }

        mutating func retrying<T: Sendable>(
            _ events: (Event) -> Void, _ step: @escaping @Sendable (PostgresStore) async throws -> T
        ) async throws -> T {
            var lost: Date?
            var attempts = 0
            while true {
                do {
                    let store = try await open()
                    let result = try await Deadline.run(curator.answerWithin, store: location.description) {
                        try await step(store)
                    }
                    if lost != nil { events(.reconnected(attempts: attempts)) }
                    return result
                } catch let error as PostgresStoreError where error.isUnreachable {
                    if lost == nil {
                        lost = Date()
                        events(.connectionLost(reason: error.description))
                    }
                    abandon()
                    attempts += 1
                    let waited = Date().timeIntervalSince(lost!)
                    let limit = Double(curator.reconnectWithin.components.seconds)
                    guard waited < limit else { throw error }
                    try await Task.sleep(for: .milliseconds(200))
                }
            }
        }

        private mutating func open() async throws -> PostgresStore {
            if let store { return store }
            let location = location, environment = environment
            let opened = try await Deadline.run(curator.answerWithin, store: location.description) {
                try await PostgresStore.open(location, environment: environment)
            }
            store = opened
            return opened
        }

        /// Drops the store without waiting for it: its connection may never answer again.
        mutating func abandon() {
            if let store { Task { await store.close() } }
            store = nil
        }

        mutating func close() async {
            if let store { await store.close() }
            store = nil
        }
    }
}
