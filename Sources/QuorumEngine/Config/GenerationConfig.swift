/// How many new tokens a pipeline step asks for. The minimum is sent only to servers that
/// understand one (vLLM's `min_tokens`); llama.cpp's server and OpenAI's API have none.
public struct TokenBudget: Sendable, Equatable {
    public var maximum: Int
    public var minimum: Int

    public init(maximum: Int, minimum: Int = 0) {
        self.maximum = maximum
        self.minimum = minimum
    }
}

/// Prompt sampling (the reference's numbers) and pacing.
public struct GenerationConfig: Sendable, Equatable {
    /// Seed of the prompt sampler, so runs reproduce.
    public var seed: UInt64
    /// Step 1: demonstrations per instruction prompt of type A, in total; earlier machine
    /// instructions take up to `machineDemonstrationsA` of them, seeds the rest.
    public var instructionDemonstrationsA: Int
    public var machineDemonstrationsA: Int
    public var instructionDemonstrationsB: Int
    public var machineDemonstrationsB: Int
    /// Steps 2 and 3 (few-shot): the fixed template's length per type.
    public var instanceDemonstrationsA: Int
    public var instanceDemonstrationsB: Int
    /// Steps 2 and 3: the fixed template, or a fresh draw per item. Not a quorum.toml key: the
    /// product always uses the fixed template; only `quorum bench engine --local` sets the draw,
    /// to measure the engine as it was before fixed templates.
    public var instanceDemonstrationChoice: InstanceDemonstrationChoice = .fixedTemplate
    /// Step 1's new tokens per request.
    public var instructionTokens: TokenBudget
    /// Step 2's new tokens per request (the input and the first output).
    public var instanceTokens: TokenBudget
    /// The end marker after each demonstration (the reference: ` |EoS|`).
    public var endMarker: String
    /// The workbench pauses generation when this many items await review.
    public var maxAwaitingReview: Int
    /// A run stops (it can be resumed) when this many instruction requests in a row are
    /// answered without a usable instruction: empty answers, or every instruction dropped.
    public var maxFruitlessRounds: Int

    public init(
        seed: UInt64 = 0, instructionDemonstrationsA: Int = 24, machineDemonstrationsA: Int = 4,
        instructionDemonstrationsB: Int = 10, machineDemonstrationsB: Int = 4, instanceDemonstrationsA: Int = 18,
        instanceDemonstrationsB: Int = 15, instructionTokens: TokenBudget = TokenBudget(maximum: 256, minimum: 15),
        instanceTokens: TokenBudget = TokenBudget(maximum: 512, minimum: 50), endMarker: String = " |EoS|",
        maxAwaitingReview: Int = 50, maxFruitlessRounds: Int = 20
    ) {
        self.seed = seed
        self.instructionDemonstrationsA = instructionDemonstrationsA
        self.machineDemonstrationsA = machineDemonstrationsA
        self.instructionDemonstrationsB = instructionDemonstrationsB
        self.machineDemonstrationsB = machineDemonstrationsB
        self.instanceDemonstrationsA = instanceDemonstrationsA
        self.instanceDemonstrationsB = instanceDemonstrationsB
        self.instructionTokens = instructionTokens
        self.instanceTokens = instanceTokens
        self.endMarker = endMarker
        self.maxAwaitingReview = maxAwaitingReview
        self.maxFruitlessRounds = maxFruitlessRounds
    }
}
