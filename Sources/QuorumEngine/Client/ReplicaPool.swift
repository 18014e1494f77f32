import Synchronization

/// The servers behind one member, each with its own concurrency limit and health. A request
/// takes the replica with the fewest requests in flight among those not resting (ties: the one
/// picked longest ago). When a member has several replicas, one whose attempt failed in a way
/// worth retrying rests, for the server's `Retry-After` or an exponential backoff, and the retry
/// goes elsewhere. Requests that find no free replica wait, first come, first served; a waiter
/// whose task is cancelled leaves the queue and throws `CancellationError`.
final class ReplicaPool: Sendable {
    enum Outcome: Sendable {
        case succeeded
        /// The attempt failed; `rests` when the failure says the server is unwell.
        case failed(rests: Bool, retryAfterSeconds: Double?)
        case cancelled
    }

    private struct Replica {
        var statistics: ReplicaStatistics
        var consecutiveFailures = 0
        var restingUntil: ContinuousClock.Instant?
        var lastPicked: UInt64 = 0
    }

    private struct Waiter {
        var id: UInt64
        var avoiding: Int?
        var continuation: CheckedContinuation<Int, any Error>
    }

    private struct State {
        let limit: Int
        var replicas: [Replica]
        var waiters: [Waiter] = []
        var nextWaiterID: UInt64 = 0
        var picks: UInt64 = 0
        var wakeAt: ContinuousClock.Instant?
    }

    let limit: Int
    let urls: [String]
    private let restBaseSeconds: Double
    private let restMaxSeconds: Double
    private let state: Mutex<State>

    /// A member with no URL yet (one on the embedded engine before it is placed) still has one
    /// replica, whose requests fail as unreachable rather than wait for a replica forever.
    init(urls: [String], limit: Int, restBaseSeconds: Double = 1, restMaxSeconds: Double = 30) {
        let urls = urls.isEmpty ? [""] : urls
        self.urls = urls
        self.limit = max(1, limit)
        self.restBaseSeconds = restBaseSeconds
        self.restMaxSeconds = restMaxSeconds
        state = Mutex(State(limit: max(1, limit), replicas: urls.map { Replica(statistics: ReplicaStatistics(url: $0)) }))
    }

    var statistics: [ReplicaStatistics] {
        let now = ContinuousClock.now
        return state.withLock { state in
            state.replicas.map { replica in
                var statistics = replica.statistics
                if let until = replica.restingUntil, until > now { statistics.restingSeconds = Self.seconds(until - now) }
                return statistics
            }
        }
    }

    var waiting: Int { state.withLock { $0.waiters.count } }

    /// A replica's index, its slot taken; `avoiding` is passed over while another replica is free.
    func acquire(avoiding: Int? = nil) async throws -> Int {
        try Task.checkCancellation()
        let now = ContinuousClock.now
        if let index = state.withLock({ state -> Int? in
            guard state.waiters.isEmpty, let index = Self.pick(&state, avoiding: avoiding, now: now) else { return nil }
            return index
        }) {
            return index
        }
        let id = state.withLock { state -> UInt64 in
            defer { state.nextWaiterID += 1 }
            return state.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
                // Under the lock, so a cancellation either happened already (and is seen here) or
                // finds the waiter in the queue.
                state.withLock { state in
                    if Task.isCancelled {
                        continuation.resume(throwing: CancellationError())
                    } else {
                        state.waiters.append(Waiter(id: id, avoiding: avoiding, continuation: continuation))
                        serveWaiters(&state, now: .now)
                    }
                }
            }
        } onCancel: {
            state.withLock { state in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return }
                state.waiters.remove(at: index).continuation.resume(throwing: CancellationError())
            }
        }
    }

    func release(_ index: Int, _ outcome: Outcome) {
        let now = ContinuousClock.now
        state.withLock { state in
            state.replicas[index].statistics.inFlight -= 1
            switch outcome {
            case .succeeded:
                state.replicas[index].statistics.completed += 1
                state.replicas[index].consecutiveFailures = 0
                state.replicas[index].restingUntil = nil
            case .failed(let rests, let retryAfter):
                state.replicas[index].statistics.failedAttempts += 1
                if rests && state.replicas.count > 1 {
                    state.replicas[index].consecutiveFailures += 1
                    let backoff = min(
                        restMaxSeconds, restBaseSeconds * Double(1 << min(state.replicas[index].consecutiveFailures - 1, 30)))
                    state.replicas[index].restingUntil = now + .seconds(max(backoff, retryAfter ?? 0))
                    state.replicas[index].statistics.rests += 1
                }
            case .cancelled:
                break
            }
            serveWaiters(&state, now: now)
        }
    }

    /// Serves the queue from its head while a replica is free; when the only free ones are
    /// resting, wakes itself at the end of the first rest.
    private func serveWaiters(_ state: inout State, now: ContinuousClock.Instant) {
        while let first = state.waiters.first, let index = Self.pick(&state, avoiding: first.avoiding, now: now) {
            state.waiters.removeFirst().continuation.resume(returning: index)
        }
        guard !state.waiters.isEmpty else { return }
        let restEnds = state.replicas.filter { $0.statistics.inFlight < limit }.compactMap(\.restingUntil).filter { $0 > now }
        guard let wake = restEnds.min(), state.wakeAt.map({ $0 > wake }) ?? true else { return }
        state.wakeAt = wake
        Task { [self] in
            try? await Task.sleep(until: wake, clock: .continuous)
            self.state.withLock { state in
                if state.wakeAt == wake { state.wakeAt = nil }
                serveWaiters(&state, now: .now)
            }
        }
    }

    private static func pick(_ state: inout State, avoiding: Int?, now: ContinuousClock.Instant) -> Int? {
        var free = state.replicas.indices.filter { index in
            let replica = state.replicas[index]
            return replica.statistics.inFlight < state.limit && !(replica.restingUntil.map { $0 > now } ?? false)
        }
        if let avoiding, free.count > 1 { free.removeAll { $0 == avoiding } }
        guard let index = free.min(by: { a, b in
            let left = state.replicas[a], right = state.replicas[b]
            return (left.statistics.inFlight, left.lastPicked) < (right.statistics.inFlight, right.lastPicked)
        }) else { return nil }
        state.picks += 1
        state.replicas[index].lastPicked = state.picks
        state.replicas[index].statistics.inFlight += 1
        return index
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
