/// Sampling settings; a temperature of 0 is greedy decoding. The penalties are sent only
/// when set; which of them a server takes depends on its kind (`MemberServer`).
public struct Decoding: Sendable, Equatable {
    public var temperature: Double
    public var topP: Double
    public var topK: Int?
    public var maxTokens: Int
    /// Set by the pipeline per step (DESIGN: 15 for instructions, 50 for instances); sent
    /// only to servers that understand a minimum.
    public var minTokens: Int?
    public var stop: [String]
    public var seed: Int?
    /// llama.cpp's `repeat_penalty`, vLLM's `repetition_penalty`: 1 is off, above 1 discourages
    /// tokens already in the context.
    public var repeatPenalty: Double?
    /// OpenAI's penalties, by how often (frequency) or whether (presence) a token appeared.
    public var frequencyPenalty: Double?
    public var presencePenalty: Double?
    /// llama.cpp's DRY sampler: penalises extending a sequence that already occurred; 0 is off.
    public var dryMultiplier: Double?

    public init(
        temperature: Double = 0.7, topP: Double = 1, topK: Int? = 50, maxTokens: Int = 256, minTokens: Int? = nil,
        stop: [String] = [], seed: Int? = nil, repeatPenalty: Double? = nil, frequencyPenalty: Double? = nil,
        presencePenalty: Double? = nil, dryMultiplier: Double? = nil
    ) {
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.maxTokens = maxTokens
        self.minTokens = minTokens
        self.stop = stop
        self.seed = seed
        self.repeatPenalty = repeatPenalty
        self.frequencyPenalty = frequencyPenalty
        self.presencePenalty = presencePenalty
        self.dryMultiplier = dryMultiplier
    }
}
