import Foundation

/// Lets a caller pause a running generation: while it is closed no new item is started;
/// items already under way finish and are stored.
public actor GenerationGate {
    private var isClosed = false
    private var waiters: [UUID: CheckedContinuation<Void, any Error>] = [:]

    public init(paused: Bool = false) {
        isClosed = paused
    }

    public var isPaused: Bool { isClosed }

    public func setPaused(_ paused: Bool) {
        isClosed = paused
        guard !paused else { return }
        let released = waiters
        waiters.removeAll()
        for waiter in released.values { waiter.resume() }
    }

    /// Returns at once when open; otherwise when opened, or throws when the task is cancelled.
    public func waitUntilOpen() async throws {
        guard isClosed else { return }
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else if !isClosed {
                    continuation.resume()
                } else {
                    waiters[id] = continuation
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    private func cancelWaiter(_ id: UUID) {
        waiters.removeValue(forKey: id)?.resume(throwing: CancellationError())
    }
}
