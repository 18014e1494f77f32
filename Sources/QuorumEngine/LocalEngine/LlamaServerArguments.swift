/// `llama-server`'s command line: one slot per request the members on the engine can have in
/// flight, each slot with `[engine] context_size` tokens, prompt caching per slot.
public struct LlamaServerArguments: Sendable, Equatable {
    public var model: String
    public var slots: Int
    public var contextPerSlot: Int
    public var threads: Int

    public init(model: String, slots: Int, contextPerSlot: Int, threads: Int) {
        self.model = model
        self.slots = max(1, slots)
        self.contextPerSlot = contextPerSlot
        self.threads = max(1, threads)
    }

    /// The server's whole context: llama-server divides `--ctx-size` among its slots.
    public var totalContext: Int { slots * contextPerSlot }

    public func list(port: Int) -> [String] {
        [
            "--model", model, "--alias", EnginePins.modelAlias,
            "--host", "127.0.0.1", "--port", String(port),
            "--parallel", String(slots), "--ctx-size", String(totalContext),
            "--threads", String(threads), "--threads-batch", String(threads),
            // Gemma 3 attends over a sliding window in most layers; keeping those layers'
            // cache whole lets a slot reuse the shared prefix of the next prompt.
            "--swa-full",
            // Prompts of slots that moved on are kept in memory for a later request, up to this
            // many MiB (llama-server's default, 8 GiB, is a lot on a shared laptop).
            "--cache-ram", "1024",
            // Token counts, served-from-cache included, for `quorum bench engine --local`.
            "--metrics",
            "--no-webui",
        ]
    }
}
