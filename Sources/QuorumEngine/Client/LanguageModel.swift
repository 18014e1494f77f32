/// What the pipeline asks of an ensemble member: a completion, streamed token by token.
public protocol LanguageModel: Sendable {
    var member: MemberConfig { get }

    /// Completes `request`, calling `onToken` with each piece of text as it arrives.
    /// Throws `LMError`; `CancellationError` when the calling task is cancelled.
    /// When an attempt fails after some text was delivered and is retried, the new attempt's text
    /// follows from its beginning with no marker: callers that keep the streamed text should use
    /// `streamCompletion(_:onEvent:)`, which announces each restart.
    func complete(_ request: LMRequest, onToken: @escaping @Sendable (String) -> Void) async throws -> LMCompletion

    /// Completes `request` like `complete(_:onToken:)`, reporting tokens and restarts as events.
    /// After `.restart` the text delivered so far is void; the returned completion holds only
    /// the text of the attempt that succeeded. The default forwards to `complete(_:onToken:)`.
    func streamCompletion(_ request: LMRequest, onEvent: @escaping @Sendable (LMStreamEvent) -> Void) async throws
        -> LMCompletion

    /// Counts for the workbench's status bar. The default, for members that do not measure, is all zeros.
    var statistics: LMMemberStatistics { get }
}

extension LanguageModel {
    public func streamCompletion(
        _ request: LMRequest, onEvent: @escaping @Sendable (LMStreamEvent) -> Void
    ) async throws -> LMCompletion {
        try await complete(request) { onEvent(.token($0)) }
    }

    public var statistics: LMMemberStatistics {
        LMMemberStatistics(member: member.name)
    }
}

public struct ChatMessage: Sendable, Equatable {
    public var role: String
    public var content: String

    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}

public struct LMRequest: Sendable, Equatable {
    public enum Body: Sendable, Equatable {
        /// For `/v1/completions`; sent to a chat member as one user message.
        case prompt(String)
        /// For `/v1/chat/completions`; sent to a completions member as the joined contents.
        case chat([ChatMessage])
    }

    public var body: Body
    public var decoding: Decoding

    public init(body: Body, decoding: Decoding) {
        self.body = body
        self.decoding = decoding
    }
}

public struct LMCompletion: Sendable, Equatable {
    /// The generated text, cut at the first stop sequence even when the server ignored it.
    public var text: String
    public var promptTokens: Int?
    public var completionTokens: Int?
    public var latencySeconds: Double
    public var finishReason: String?
    /// 1 when the first attempt succeeded.
    public var attempts: Int

    public init(
        text: String, promptTokens: Int? = nil, completionTokens: Int? = nil, latencySeconds: Double,
        finishReason: String? = nil, attempts: Int = 1
    ) {
        self.text = text
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.latencySeconds = latencySeconds
        self.finishReason = finishReason
        self.attempts = attempts
    }
}

/// Why a member gave no completion, after retries.
public enum LMError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreachable(endpoint: String, reason: String)
    case httpStatus(Int, bodyExcerpt: String)
    case malformedResponse(String)
    case streamCutShort(partial: String)
    case timedOut(seconds: Double)
    case missingAPIKey(variable: String)

    public var description: String {
        switch self {
        case .unreachable(let endpoint, let reason): return "cannot reach \(endpoint): \(reason)"
        case .httpStatus(let status, let body): return "HTTP \(status): \(body)"
        case .malformedResponse(let detail): return "malformed response: \(detail)"
        case .streamCutShort(let partial): return "stream cut short after \(partial.count) characters"
        case .timedOut(let seconds): return "no complete answer within \(seconds) s"
        case .missingAPIKey(let variable): return "the API key variable \(variable) is not set"
        }
    }
}
