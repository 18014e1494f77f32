/// Why one HTTP attempt failed, with what the retry decision needs beside the error itself.
struct AttemptFailure: Error {
    var error: LMError
    /// The server's `Retry-After`, kept only for 429 and 503.
    var retryAfterSeconds: Double?

    init(_ error: LMError, retryAfterSeconds: Double? = nil) {
        self.error = error
        self.retryAfterSeconds = retryAfterSeconds
    }
}

extension LMError {
    /// The error with every occurrence of `secret` replaced, so an API key a server echoes back
    /// never reaches a message.
    func redacting(_ secret: String?) -> LMError {
        guard let secret, !secret.isEmpty else { return self }
        func clean(_ text: String) -> String {
            text.replacingOccurrences(of: secret, with: "[redacted]")
        }
        switch self {
        case .unreachable(let endpoint, let reason): return .unreachable(endpoint: clean(endpoint), reason: clean(reason))
        case .httpStatus(let status, let body): return .httpStatus(status, bodyExcerpt: clean(body))
        case .malformedResponse(let detail): return .malformedResponse(clean(detail))
        case .streamCutShort(let partial): return .streamCutShort(partial: clean(partial))
        case .timedOut, .missingAPIKey: return self
        }
    }
}
