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
    /// The error with every occurrence of `secret` replaced, and a prefix of it that ends a text
    /// (an excerpt cut through it), so an API key a server echoes back never reaches a message.
    /// Excerpts are redacted before they are cut too; this is the last line.
    func redacting(_ secret: String?) -> LMError {
        guard let secret, !secret.isEmpty else { return self }
        func clean(_ text: String) -> String {
            SecretRedaction.redact(text, secret: secret)
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
