import AsyncHTTPClient
import Foundation

/// An ensemble member behind an OpenAI-compatible server (vLLM, llama.cpp, Ollama, TGI, hosted
/// APIs): `/v1/completions` or `/v1/chat/completions`, streamed, with the member's concurrency
/// limit, retries, timeout and stop sequences enforced on this side.
///
/// Retries: after a connection failure, a timeout, a stream cut short, or HTTP 429, 500, 502,
/// 503 or 504, up to `member.retries` more attempts, each from scratch. With one server the wait
/// is the server's `Retry-After` on 429 and 503, else exponential backoff with full jitter
/// (`RetryPolicy`), and the request keeps its concurrency slot while it waits. With several
/// (`base_urls`), the failed replica rests and the retry goes to another (`ReplicaPool`).
/// `timeoutSeconds` bounds each attempt, streaming included; time spent queued for a slot or
/// waiting to retry is not counted.
public final class OpenAICompatibleModel: LanguageModel {
    public let member: MemberConfig
    public let retryPolicy: RetryPolicy
    private let httpClient: HTTPClient
    private let replicas: ReplicaPool
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
        replicas = ReplicaPool(
            urls: member.baseURLs, limit: member.maxConcurrency, restBaseSeconds: max(retryPolicy.baseDelaySeconds, 0.001),
            restMaxSeconds: retryPolicy.maxDelaySeconds)
        recorder = MemberStatisticsRecorder(member: member.name)
    }

    public var statistics: LMMemberStatistics {
        var statistics = recorder.snapshot()
        statistics.replicas = replicas.statistics
        return statistics
    }

    /// The URL requests go to: `baseURL` then `/completions` or `/chat/completions`.
    public var endpoint: String { endpoint(of: 0) }

    /// The URL of replica `index`'s completions.
    public func endpoint(of index: Int) -> String {
        var base = member.baseURLs.indices.contains(index) ? member.baseURLs[index] : ""
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
            httpClient: httpClient, endpoint: endpoint(of: 0),
            body: CompletionRequestBody(member: member, request: request).encoded(),
            apiKey: apiKey, stops: request.decoding.stop, timeoutSeconds: member.timeoutSeconds,
            recorder: recorder, onEvent: onEvent)
        var replica = try await acquireSlot()
        do {
            let completion = try await runAttempts(call, replica: &replica)
            recorder.update {
                $0.inFlight -= 1
                $0.completed += 1
            }
            return completion
        } catch {
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

    private func acquireSlot() async throws -> Int {
        recorder.update { $0.queued += 1 }
        let replica: Int
        do {
            replica = try await replicas.acquire()
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
        return replica
    }

    /// Attempts until one succeeds or the retries run out. Holds the slot of `replica` and
    /// gives it back before returning or throwing; on a fleet a retry takes another replica's.
    private func runAttempts(_ call: AttemptCall, replica: inout Int) async throws -> LMCompletion {
        let started = ContinuousClock.now
        var attempt = 1
        var held: Int? = replica
        defer { if let held { replicas.release(held, .cancelled) } }
        while true {
            var current = call
            current.endpoint = endpoint(of: replica)
            do {
                try Task.checkCancellation()
                let outcome = try await withAttemptTimeout(seconds: call.timeoutSeconds) { [current] in try await current.perform() }
                replicas.release(replica, .succeeded)
                held = nil
                return LMCompletion(
                    text: outcome.text, promptTokens: outcome.promptTokens, completionTokens: outcome.completionTokens,
                    latencySeconds: Self.seconds(ContinuousClock.now - started), finishReason: outcome.finishReason,
                    attempts: attempt)
            } catch let failure as AttemptFailure {
                let error = failure.error.redacting(call.apiKey)
                recorder.recordFailedAttempt(error)
                let retryable = RetryPolicy.isRetryable(error)
                guard attempt <= member.retries, retryable else {
                    replicas.release(replica, .failed(rests: retryable, retryAfterSeconds: failure.retryAfterSeconds))
                    held = nil
                    throw error
                }
                recorder.update { $0.retries += 1 }
                attempt += 1
                if replicas.urls.count > 1 {
                    replicas.release(replica, .failed(rests: true, retryAfterSeconds: failure.retryAfterSeconds))
                    held = nil
                    call.onEvent(.restart(attempt: attempt, reason: error, delaySeconds: 0))
                    replica = try await replicas.acquire(avoiding: replica)
                    held = replica
                } else {
                    let delay = retryPolicy.delaySeconds(
                        beforeRetry: attempt - 2, retryAfterSeconds: failure.retryAfterSeconds)
                    call.onEvent(.restart(attempt: attempt, reason: error, delaySeconds: delay))
                    try await Task.sleep(for: .seconds(delay))
                }
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
