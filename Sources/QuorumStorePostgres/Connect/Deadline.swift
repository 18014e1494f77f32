// QuorumStorePostgres/Connect: Where a PostgreSQL store is, its password (PGPASSWORD, ~/.pgpass), TLS, the errors of reaching it, and a bound on waiting for it.

import Foundation

/// Waits for an operation at most a given time: a query the server never answers (postgres-nio
/// can lose one sent just as the server ends the connection) becomes an error, not a hang. The
/// operation runs in a task of its own, cancelled and left behind when the time is up; close
/// the store it was using.
enum Deadline {
    static func run<T: Sendable>(
        _ duration: Duration, store: String, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let outcome = FirstOutcome<T>()
        return try await withCheckedThrowingContinuation { continuation in
            outcome.waiting(continuation)
            let work = Task {
                do { outcome.resume(.success(try await operation())) } catch { outcome.resume(.failure(error)) }
            }
            let timer = Task {
                try? await Task.sleep(for: duration)
                guard !Task.isCancelled else { return }
                let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
                let late = PostgresStoreError.unreachable(
                    store, reason: String(format: "no answer within %.0f s", seconds))
                if outcome.resume(.failure(late)) { work.cancel() }
            }
            outcome.whenDone { timer.cancel() }
        }
    }
}

/// The one result a continuation is resumed with: whichever of the operation and the timer
/// comes first.
private final class FirstOutcome<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var finished = false
    private var onDone: (@Sendable () -> Void)?

    func waiting(_ continuation: CheckedContinuation<T, any Error>) {
        lock.lock()
        self.continuation = continuation
        lock.unlock()
    }

    func whenDone(_ action: @escaping @Sendable () -> Void) {
        lock.lock()
        let done = finished
        if !done { onDone = action }
        lock.unlock()
        if done { action() }
    }

    /// Resumes the continuation unless something already did; returns whether this did.
    @discardableResult
    func resume(_ result: Result<T, any Error>) -> Bool {
        lock.lock()
        guard !finished, let continuation else {
            lock.unlock()
            return false
        }
        finished = true
        self.continuation = nil
        let action = onDone
        onDone = nil
        lock.unlock()
        continuation.resume(with: result)
        action?()
        return true
    }
}
