/// How long to wait before each retry: exponential backoff with full jitter, or the server's
/// `Retry-After` when it gives one.
public struct RetryPolicy: Sendable {
    /// The first retry waits up to this long; each later one up to twice as long as the one before.
    public var baseDelaySeconds: Double
    public var maxDelaySeconds: Double
    /// A `Retry-After` longer than this is shortened to it.
    public var maxRetryAfterSeconds: Double
    /// Picks the wait in `0...upperBound`; the default is uniform ("full jitter").
    public var jitter: @Sendable (_ upperBound: Double) -> Double

    public init(
        baseDelaySeconds: Double = 0.5, maxDelaySeconds: Double = 30, maxRetryAfterSeconds: Double = 300,
        jitter: @escaping @Sendable (_ upperBound: Double) -> Double = { Double.random(in: 0...max(0, $0)) }
    ) {
        self.baseDelaySeconds = baseDelaySeconds
        self.maxDelaySeconds = maxDelaySeconds
        self.maxRetryAfterSeconds = maxRetryAfterSeconds
        self.jitter = jitter
    }

    /// The wait before retry number `retry` (0 for the first retry).
    public func delaySeconds(beforeRetry retry: Int, retryAfterSeconds: Double?) -> Double {
        if let retryAfterSeconds {
            return min(max(0, retryAfterSeconds), maxRetryAfterSeconds)
        }
        let exponential = baseDelaySeconds * Double(1 << min(retry, 30))
        return min(max(0, jitter(min(maxDelaySeconds, exponential))), maxDelaySeconds)
    }

    /// Whether an attempt that failed with `error` is worth repeating.
    public static func isRetryable(_ error: LMError) -> Bool {
        switch error {
        case .unreachable, .timedOut, .streamCutShort: return true
        case .httpStatus(let status, _): return [429, 500, 502, 503, 504].contains(status)
        case .malformedResponse, .missingAPIKey: return false
        }
    }
}
