/// Runs `operation`, cancelling it and throwing `.timedOut` when it has not finished within
/// `seconds`. A non-positive or infinite `seconds` means no limit.
func withAttemptTimeout<T: Sendable>(
    seconds: Double, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    guard seconds > 0, seconds.isFinite else { return try await operation() }
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else {
            try Task.checkCancellation()
            throw AttemptFailure(.timedOut(seconds: seconds))
        }
        return value
    }
}
