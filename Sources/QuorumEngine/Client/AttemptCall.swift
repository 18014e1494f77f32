// QuorumEngine/Client: The LM clients: the OpenAI-compatible HTTP API (completions and chat, streaming), retries,
// concurrency limits, statistics, and the one factory that makes them.

import AsyncHTTPClient
import Foundation

/// One completion request as sent over HTTP; `perform()` makes one attempt of it.
struct AttemptCall: Sendable {
    struct Outcome: Sendable {
        var text: String
        var promptTokens: Int?
        var completionTokens: Int?
        var finishReason: String?
    }

    let httpClient: HTTPClient
    var endpoint: String
    let body: [UInt8]
    let apiKey: String?
    let stops: [String]
    let timeoutSeconds: Double
    let recorder: MemberStatisticsRecorder
    let onEvent: @Sendable (LMStreamEvent) -> Void

    /// Error bodies are read up to this many bytes for their excerpt.
    static let maxErrorBodyBytes = 16 << 10
    static let maxExcerptCharacters = 300

    /// Sends the request and streams the answer. Throws `AttemptFailure`, or `CancellationError`
    /// when the task is cancelled.
    func perform() async throws -> Outcome {
        let response = try await send()
        let status = Int(response.status.code)
        guard (200..<300).contains(status) else {
            throw await failure(status: status, response: response)
        }
        var decoder = CompletionStreamDecoder(
            contentType: response.headers.first(name: "content-type"), stops: stops, secret: apiKey)
        do {
            for try await buffer in response.body {
                try deliver(decoder.feed(buffer.readableBytesView))
                // Leaving the loop drops the body stream, which cancels the request.
                if decoder.stoppedAtStopSequence { break }
            }
        } catch let failure as CompletionChunk.DecodingFailure {
            throw AttemptFailure(Self.error(from: failure, secret: apiKey))
        } catch {
            if Task.isCancelled { throw CancellationError() }
            // A connection lost after the answer was whole loses nothing.
            guard decoder.isComplete else { throw AttemptFailure(.streamCutShort(partial: decoder.text)) }
        }
        do throws(CompletionChunk.DecodingFailure) {
            try deliver(decoder.finish())
        } catch {
            throw AttemptFailure(Self.error(from: error, secret: apiKey))
        }
        guard decoder.isComplete else {
            throw AttemptFailure(.streamCutShort(partial: decoder.text))
        }
        return Outcome(
            text: decoder.text, promptTokens: decoder.promptTokens, completionTokens: decoder.completionTokens,
            finishReason: decoder.stoppedAtStopSequence ? "stop" : decoder.finishReason)
    }

    private func send() async throws -> HTTPClientResponse {
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "text/event-stream, application/json")
        if let apiKey {
            request.headers.add(name: "Authorization", value: "Bearer \(apiKey)")
        }
        request.body = .bytes(body)
        // A backstop only: `withAttemptTimeout` ends the attempt first.
        let backstop = timeoutSeconds > 0 && timeoutSeconds.isFinite ? timeoutSeconds + 5 : 24 * 3600
        do {
            return try await httpClient.execute(request, timeout: .milliseconds(Int64(backstop * 1000)))
        } catch {
            if Task.isCancelled { throw CancellationError() }
            if let clientError = error as? HTTPClientError, clientError == .deadlineExceeded {
                throw AttemptFailure(.timedOut(seconds: timeoutSeconds))
            }
            throw AttemptFailure(.unreachable(endpoint: endpoint, reason: Self.reason(error)))
        }
    }

    private func deliver(_ pieces: [String]) {
        for piece in pieces where !piece.isEmpty {
            recorder.recordToken()
            onEvent(.token(piece))
        }
    }

    private func failure(status: Int, response: HTTPClientResponse) async -> AttemptFailure {
        var bytes: [UInt8] = []
        do {
            for try await buffer in response.body {
                bytes.append(contentsOf: buffer.readableBytesView)
                if bytes.count >= Self.maxErrorBodyBytes { break }
            }
        } catch {
            // The excerpt is best effort; the status says what happened.
        }
        let body = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let retryAfter = [429, 503].contains(status)
            ? response.headers.first(name: "retry-after").flatMap { RetryAfterHeader.seconds(from: $0) } : nil
        return AttemptFailure(
            .httpStatus(
                status, bodyExcerpt: SecretRedaction.excerpt(body, limit: Self.maxExcerptCharacters, secret: apiKey)),
            retryAfterSeconds: retryAfter)
    }

    /// The key is redacted before the message is cut (a key the cut goes through leaves no prefix).
    private static func error(from failure: CompletionChunk.DecodingFailure, secret: String?) -> LMError {
        switch failure {
        case .malformed(let detail): return .malformedResponse(detail)
        case .serverError(let status, let message):
            return .httpStatus(status, bodyExcerpt: SecretRedaction.excerpt(message, limit: maxExcerptCharacters, secret: secret))
        }
    }

    private static func reason(_ error: any Error) -> String {
        String(String(describing: error).prefix(maxExcerptCharacters))
    }
}
