/// The kind of server behind a member, for the request fields beyond OpenAI's own that it
/// understands. Every kind gets the OpenAI fields (and `top_k` unless it is 0).
public enum MemberServer: String, Sendable, Equatable, CaseIterable {
    /// llama.cpp's `llama-server` (the embedded engine): `repeat_penalty`, `dry_multiplier`,
    /// `cache_prompt`. It has no minimum token count.
    case llamaCpp = "llama.cpp"
    /// vLLM: `repetition_penalty`, `min_tokens`.
    case vllm
    /// Any other OpenAI-compatible API (hosted APIs, TGI, Ollama): OpenAI's fields only.
    case openAI = "openai"

    /// A member that names no `server`: llama.cpp on the embedded engine, else OpenAI's fields.
    public static func assumed(onEmbeddedEngine: Bool) -> MemberServer {
        onEmbeddedEngine ? .llamaCpp : .openAI
    }

    public var acceptsRepeatPenalty: Bool { self != .openAI }
    public var acceptsDRY: Bool { self == .llamaCpp }
    public var acceptsMinTokens: Bool { self == .vllm }
    public var cachesPrompts: Bool { self == .llamaCpp }
}
