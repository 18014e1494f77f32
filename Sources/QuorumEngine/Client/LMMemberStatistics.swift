/// The kind of an `LMError`, for counting.
public enum LMErrorKind: String, Sendable, Hashable, CaseIterable {
    case unreachable
    case httpStatus = "http-status"
    case malformedResponse = "malformed-response"
    case streamCutShort = "stream-cut-short"
    case timedOut = "timed-out"
    case missingAPIKey = "missing-api-key"

    public init(_ error: LMError) {
        switch error {
        case .unreachable: self = .unreachable
        case .httpStatus: self = .httpStatus
        case .malformedResponse: self = .malformedResponse
        case .streamCutShort: self = .streamCutShort
        case .timedOut: self = .timedOut
        case .missingAPIKey: self = .missingAPIKey
        }
    }
}

/// One member's counts at one moment, for the workbench's status bar.
public struct LMMemberStatistics: Sendable, Equatable {
    public var member: String
    /// Requests holding a concurrency slot (sending, streaming or waiting to retry).
    public var inFlight: Int
    /// Requests waiting for a concurrency slot.
    public var queued: Int
    /// Requests that returned a completion.
    public var completed: Int
    /// Requests that threw an `LMError` after their last attempt.
    public var failed: Int
    public var cancelled: Int
    /// Attempts that were retried.
    public var retries: Int
    /// Every failed attempt, retried or not, by kind.
    public var errorsByKind: [LMErrorKind: Int]
    /// Streamed pieces of text delivered, all time (servers send about one token a piece).
    public var tokens: Int
    /// Pieces of text a second over the recent window.
    public var tokensPerSecond: Double
    /// Each server of the member, in the order of `base_urls`.
    public var replicas: [ReplicaStatistics]

    public init(
        member: String, inFlight: Int = 0, queued: Int = 0, completed: Int = 0, failed: Int = 0,
        cancelled: Int = 0, retries: Int = 0, errorsByKind: [LMErrorKind: Int] = [:], tokens: Int = 0,
        tokensPerSecond: Double = 0, replicas: [ReplicaStatistics] = []
    ) {
        self.member = member
        self.inFlight = inFlight
        self.queued = queued
        self.completed = completed
        self.failed = failed
        self.cancelled = cancelled
        self.retries = retries
        self.errorsByKind = errorsByKind
        self.tokens = tokens
        self.tokensPerSecond = tokensPerSecond
        self.replicas = replicas
    }

    public var errors: Int { errorsByKind.values.reduce(0, +) }
}

/// One replica of a member at one moment.
public struct ReplicaStatistics: Sendable, Equatable {
    public var url: String
    public var inFlight: Int
    /// Attempts that returned a completion.
    public var completed: Int
    /// Attempts that failed, retried elsewhere or not.
    public var failedAttempts: Int
    /// Times it was rested after a failure.
    public var rests: Int
    /// Seconds left of its current rest; 0 when it takes requests.
    public var restingSeconds: Double

    public init(
        url: String, inFlight: Int = 0, completed: Int = 0, failedAttempts: Int = 0, rests: Int = 0, restingSeconds: Double = 0
    ) {
        self.url = url
        self.inFlight = inFlight
        self.completed = completed
        self.failedAttempts = failedAttempts
        self.rests = rests
        self.restingSeconds = restingSeconds
    }

    public var isResting: Bool { restingSeconds > 0 }
}
