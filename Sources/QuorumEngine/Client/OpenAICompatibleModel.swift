import AsyncHTTPClient
import Foundation

/// An ensemble member behind an OpenAI-compatible server (vLLM, llama.cpp, Ollama, TGI, hosted
/// APIs): `/v1/completions` or `/v1/chat/completions`, streamed, with the member's concurrency
/// limit, retries, timeout and stop sequences enforced on this side.
///
/// Retries: after a connection failure, a timeout, a stream cut short, or HTTP 429, 500, 502,
/// 503 or 504, up to `member.retries` more attempts, each from scratch. The wait is the server's
/// `Retry-After` on 429 and 503, else exponential backoff with full jitter (`RetryPolicy`).
/// A request keeps its concurrency slot while it waits to retry. `timeoutSeconds` bounds each
/// attempt, streaming included; time spent queued for a slot or waiting to retry is not counted.
public final class OpenAICompatibleModel: LanguageModel {
    public let member: MemberConfig
    public let retryPolicy: RetryPolicy
    private let httpClient: HTTPClient
    private let limiter: ConcurrencyLimiter
    private let recorder: MemberStatisticsRecorder
    private let environment: @Sendable (String) -> String?

    /// - Parameter environment: looks up the variable named by `member.apiKeyEnv`, at each request.
    public init(
        member: MemberConfig, httpClient: HTTPClient = LMHTTPClient.shared, retryPolicy: RetryPolicy = RetryPolicy(),
        environment: @escaping @Sendable (String) -> String? = { ProcessInfo.processInfo.environment[$0] }
    ) {
        self.member = member
        self.httpClient = httpClient
        self.retryPolicy = retryPolicy
        self.environment = environment
        limiter = ConcurrencyLimiter(limit: member.maxConcurrency)
        recorder = MemberStatisticsRecorder(member: member.name)
    }

    public var statistics: LMMemberStatistics { recorder.snapshot() }

    /// The URL requests go to: `baseURL` then `/completions` or `/chat/completions`.
    public var endpoint: String {
        var base = member.baseURL
        while base.hasSuffix("/") { base.removeLast() }
        switch member.api {
        case .completions: return base + "/completions"
        case .chat: return base + "/chat/completions"
        }
    }

    /// See `LanguageModel.complete(_:onToken:)`: a retried attempt's text follows the failed
    /// one's without a marker; use `streamCompletion(_:onEvent:)` to see restarts.
    public func complete(
        _ request: LMRequest, onToken: @escaping @Sendable (String) -> Void
    ) async throws -> LMCompletion {
        try await streamCompletion(request) { event in
            if case .token(let piece) = event { onToken(piece) }
        }
    }

    public func streamCompletion(
        _ request: LMRequest, onEvent: @escaping @Sendable (LMStreamEvent) -> Void
    ) async throws -> LMCompletion {
        let apiKey = try resolveAPIKey()
        let call = AttemptCall(
            httpClient: httpClient, endpoint: endpoint, body: CompletionRequestBody(member: member, request: request).encoded(),
            apiKey: apiKey, stops: request.decoding.stop, timeoutSeconds: member.timeoutSeconds,
            recorder: recorder, onEvent: onEvent)
        try await acquireSlot()
        do {
            let completion = try await runAttempts(call)
            await limiter.release()
            recorder.update {
                $0.inFlight -= 1
                $0.completed += 1
            }
            return completion
        } catch {
            await limiter.release()
            recorder.update {
                $0.inFlight -= 1
                if error is CancellationError { $0.cancelled += 1 } else { $0.failed += 1 }
            }
            throw error
        }
    }

    private func resolveAPIKey() throws -> String? {
        guard let variable = member.apiKeyEnv else { return nil }
        guard let key = environment(variable), !key.isEmpty else {
            let error = LMError.missingAPIKey(variable: variable)
            recorder.recordFailedAttempt(error)
            recorder.update { $0.failed += 1 }
            throw error
        }
        return key
    }

    private func acquireSlot() async throws {
        recorder.update { $0.queued += 1 }
        do {
            try await limiter.acquire()
        } catch {
            recorder.update {
                $0.queued -= 1
                $0.cancelled += 1
            }
            throw error
        }
        recorder.update {
            $0.queued -= 1
            $0.inFlight += 1
        }
    }

    private func runAttempts(_ call: AttemptCall) async throws -> LMCompletion {
        let started = ContinuousClock.now
        var attempt = 1
        while true {
            try Task.checkCancellation()
            do {
                let outcome = try await withAttemptTimeout(seconds: call.timeoutSeconds) { try await call.perform() }
                return LMCompletion(
                    text: outcome.text, promptTokens: outcome.promptTokens, completionTokens: outcome.completionTokens,
                    latencySeconds: Self.seconds(ContinuousClock.now - started), finishReason: outcome.finishReason,
                    attempts: attempt)
            } catch let failure as AttemptFailure {
                let error = failure.error.redacting(call.apiKey)
                recorder.recordFailedAttempt(error)
                guard attempt <= member.retries, RetryPolicy.isRetryable(error) else { throw error }
                let delay = retryPolicy.delaySeconds(
                    beforeRetry: attempt - 1, retryAfterSeconds: failure.retryAfterSeconds)
                recorder.update { $0.retries += 1 }
                attempt += 1
                call.onEvent(.restart(attempt: attempt, reason: error, delaySeconds: delay))
                try await Task.sleep(for: .seconds(delay))
            } catch {
                if Task.isCancelled { throw CancellationError() }
                throw error
            }
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
