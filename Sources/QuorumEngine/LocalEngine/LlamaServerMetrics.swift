import AsyncHTTPClient
import Foundation

/// llama-server's prompt-token counters from its Prometheus endpoint (`--metrics`): tokens a
/// slot served from its cache, and tokens it evaluated.
public struct LlamaServerMetrics: Sendable, Equatable {
    public var cachedPromptTokens: Int
    public var evaluatedPromptTokens: Int

    public init(cachedPromptTokens: Int, evaluatedPromptTokens: Int) {
        self.cachedPromptTokens = cachedPromptTokens
        self.evaluatedPromptTokens = evaluatedPromptTokens
    }

    /// The counters now, or nil when the server has no `/metrics` (llama-cpp-python's has none).
    /// Tried three times: llama-server closes a keep-alive connection idle for 5 s, and the
    /// shared pool can hand out one it has just closed.
    public static func read(port: Int) async -> LlamaServerMetrics? {
        for _ in 0..<3 {
            if let metrics = await readOnce(port: port) { return metrics }
        }
        return nil
    }

    private static func readOnce(port: Int) async -> LlamaServerMetrics? {
        do {
            let request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/metrics")
            let response = try await LMHTTPClient.shared.execute(request, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: 1 << 20)
            guard response.status == .ok else { return nil }
            return parse(String(decoding: body.readableBytesView, as: UTF8.self))
        } catch {
            return nil
        }
    }

    static func parse(_ text: String) -> LlamaServerMetrics? {
        var values: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let value = Double(parts[1]) { values[String(parts[0])] = value }
        }
        guard let cached = values["llamacpp:prompt_tokens_cached_total"],
            let evaluated = values["llamacpp:prompt_tokens_total"]
        else { return nil }
        return LlamaServerMetrics(cachedPromptTokens: Int(cached), evaluatedPromptTokens: Int(evaluated))
    }

    public static func - (after: LlamaServerMetrics, before: LlamaServerMetrics) -> LlamaServerMetrics {
        LlamaServerMetrics(
            cachedPromptTokens: after.cachedPromptTokens - before.cachedPromptTokens,
            evaluatedPromptTokens: after.evaluatedPromptTokens - before.evaluatedPromptTokens)
    }
}
