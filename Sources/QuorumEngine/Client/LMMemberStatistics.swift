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

    public init(
        member: String, inFlight: Int = 0, queued: Int = 0, completed: Int = 0, failed: Int = 0,
        cancelled: Int = 0, retries: Int = 0, errorsByKind: [LMErrorKind: Int] = [:], tokens: Int = 0,
        tokensPerSecond: Double = 0
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
    }

    public var errors: Int { errorsByKind.values.reduce(0, +) }
}
