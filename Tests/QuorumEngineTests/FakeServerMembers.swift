import Foundation
import QuorumTestSupport
@testable import QuorumEngine

/// Retries without real waiting: each backoff is a few milliseconds.
let quickRetries = RetryPolicy(baseDelaySeconds: 0.005, maxDelaySeconds: 0.02, jitter: { $0 })

extension FakeServerProcess {
    func member(
        mode: String = "ok", api: MemberAPI = .completions, model: String = "fake-model", retries: Int = 0,
        timeoutSeconds: Double = 10, maxConcurrency: Int = 4, stop: [String] = [], apiKeyEnv: String? = nil
    ) -> MemberConfig {
        MemberConfig(
            name: "\(mode)-\(api.rawValue)", baseURL: baseURL(mode: mode), model: model, api: api,
            decoding: Decoding(temperature: 0.7, topP: 1, topK: 50, maxTokens: 256, stop: stop),
            maxConcurrency: maxConcurrency, timeoutSeconds: timeoutSeconds, retries: retries, apiKeyEnv: apiKeyEnv)
    }

    func model(
        mode: String = "ok", api: MemberAPI = .completions, model: String = "fake-model", retries: Int = 0,
        timeoutSeconds: Double = 10, maxConcurrency: Int = 4, stop: [String] = [], apiKeyEnv: String? = nil,
        retryPolicy: RetryPolicy = quickRetries, environment: [String: String] = [:]
    ) -> OpenAICompatibleModel {
        OpenAICompatibleModel(
            member: member(
                mode: mode, api: api, model: model, retries: retries, timeoutSeconds: timeoutSeconds,
                maxConcurrency: maxConcurrency, stop: stop, apiKeyEnv: apiKeyEnv),
            retryPolicy: retryPolicy, environment: { environment[$0] })
    }
}

extension LMRequest {
    static func prompt(_ text: String, stop: [String] = [], seed: Int? = nil, topK: Int? = 50) -> LMRequest {
        LMRequest(
            body: .prompt(text),
            decoding: Decoding(temperature: 0.7, topP: 0.9, topK: topK, maxTokens: 256, stop: stop, seed: seed))
    }
}

/// Collects what a streamed completion reports, from any task.
final class StreamRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [LMStreamEvent] = []

    var events: [LMStreamEvent] { lock.withLock { recorded } }

    var tokens: [String] {
        events.compactMap { if case .token(let piece) = $0 { piece } else { nil } }
    }

    var restarts: [LMStreamEvent] {
        events.filter { if case .restart = $0 { true } else { false } }
    }

    /// The text of the attempt that is current: what came after the last restart.
    var currentText: String {
        var text = ""
        for event in events {
            switch event {
            case .token(let piece): text += piece
            case .restart: text = ""
            }
        }
        return text
    }

    func record(_ event: LMStreamEvent) {
        lock.withLock { recorded.append(event) }
    }
}

/// A `--script` file for the fake server, in a temporary folder.
func writeServerScript(_ entries: [(match: String, text: String)]) throws -> String {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("fake-llm-script-\(UUID().uuidString).json")
    let json = entries.map { ["match": $0.match, "text": $0.text] }
    try JSONSerialization.data(withJSONObject: json).write(to: url)
    return url.path
}
