/// An async semaphore: at most `limit` holders at once, waiters served first come, first served.
/// A waiter whose task is cancelled leaves the queue and throws `CancellationError`.
public actor ConcurrencyLimiter {
    public let limit: Int
    private var available: Int
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextWaiterID: UInt64 = 0

    public init(limit: Int) {
        self.limit = max(1, limit)
        available = max(1, limit)
    }

    public var waiting: Int { waiters.count }
    public var holders: Int { limit - available }

    public func acquire() async throws {
        try Task.checkCancellation()
        if available > 0, waiters.isEmpty {
            available -= 1
            return
        }
        let id = nextWaiterID
        nextWaiterID += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                // Runs on this actor before any other of its work, so a cancellation that already
                // happened is seen here and a later one finds the waiter in the queue.
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters.append((id, continuation))
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    /// Gives the slot to the longest waiter, or back to the pool.
    public func release() {
        if waiters.isEmpty {
            available = min(limit, available + 1)
        } else {
            waiters.removeFirst().continuation.resume()
        }
    }

    private func cancelWaiter(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }
}
