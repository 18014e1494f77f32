import Foundation

/// A PostgreSQL store several tasks use one step at a time, opened again whenever its
/// connection is lost: a step that fails because the server went away (restarted, or stopped
/// answering) is said (`Event`), and retried on a new connection until `reconnectWithin` runs
/// out. A step must be safe to run twice: a decision carries an id made by the client.
public actor SharedPostgresStore {
    public enum Event: Sendable, Equatable {
        case connectionLost(reason: String)
        case reconnected(attempts: Int)
    }

    public let location: PostgresLocation
    private let environment: [String: String]
    private let answerWithin: Duration
    private let reconnectWithin: Duration
    private let events: @Sendable (Event) -> Void
    private var store: PostgresStore?
    private var isClosed = false
    private var isBusy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Each call to the store is bounded by `answerWithin`.
    public init(
        location: PostgresLocation, environment: [String: String] = ProcessInfo.processInfo.environment,
        answerWithin: Duration = .seconds(20), reconnectWithin: Duration = .seconds(60),
        events: @escaping @Sendable (Event) -> Void = { _ in }
    ) {
        self.location = location
        self.environment = environment
        self.answerWithin = answerWithin
        self.reconnectWithin = reconnectWithin
        self.events = events
    }

    /// A store dropped without `close()` still closes its connection (postgres-nio insists).
    deinit {
        if let store { Task { await store.close() } }
    }

    /// Runs `step` once no other step is running, reconnecting as needed.
    public func run<T: Sendable>(_ step: @escaping @Sendable (PostgresStore) async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        // A step of a task that outlived `close()` must not open the store again.
        guard !isClosed else { throw PostgresStoreError.refused("the connection to \(location) is closed") }
        var lost: ContinuousClock.Instant?
        var attempts = 0
        while true {
            do {
                let store = try await open()
                let result = try await Deadline.run(answerWithin, store: location.description) { try await step(store) }
                if lost != nil { events(.reconnected(attempts: attempts)) }
                return result
            } catch let error as PostgresStoreError where error.isUnreachable {
                if lost == nil {
                    lost = .now
                    events(.connectionLost(reason: error.description))
                }
                abandon()
                attempts += 1
                guard ContinuousClock.now - lost! < reconnectWithin else { throw error }
                try await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    public func close() async {
        await acquire()
        defer { release() }
        isClosed = true
        if let store { await store.close() }
        store = nil
    }

    private func open() async throws -> PostgresStore {
        if let store { return store }
        let location = location, environment = environment
        let opened = try await Deadline.run(answerWithin, store: location.description) {
            try await PostgresStore.open(location, environment: environment)
        }
        store = opened
        return opened
    }

    /// Drops the store without waiting for it: its connection may never answer again.
    private func abandon() {
        if let store { Task { await store.close() } }
        store = nil
    }

    private func acquire() async {
        guard isBusy else {
            isBusy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            isBusy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
