import Foundation

/// The JSON body of a `/v1/completions` or `/v1/chat/completions` request.
struct CompletionRequestBody: Encodable, Equatable {
    struct Message: Encodable, Equatable {
        var role: String
        var content: String
    }

    struct StreamOptions: Encodable, Equatable {
        var includeUsage: Bool

        enum CodingKeys: String, CodingKey {
            case includeUsage = "include_usage"
        }
    }

    var model: String
    var prompt: String?
    var messages: [Message]?
    var maxTokens: Int
    var temperature: Double
    var topP: Double
    var topK: Int?
    var stop: [String]?
    var seed: Int?
    var minTokens: Int?
    var repeatPenalty: Double?
    var repetitionPenalty: Double?
    var frequencyPenalty: Double?
    var presencePenalty: Double?
    var dryMultiplier: Double?
    var cachePrompt: Bool?
    var stream: Bool
    var streamOptions: StreamOptions?

    enum CodingKeys: String, CodingKey {
        case model, prompt, messages, temperature, stop, seed, stream
        case maxTokens = "max_tokens"
        case topP = "top_p"
        case topK = "top_k"
        case minTokens = "min_tokens"
        case repeatPenalty = "repeat_penalty"
        case repetitionPenalty = "repetition_penalty"
        case frequencyPenalty = "frequency_penalty"
        case presencePenalty = "presence_penalty"
        case dryMultiplier = "dry_multiplier"
        case cachePrompt = "cache_prompt"
        case streamOptions = "stream_options"
    }

    /// OpenAI's endpoints reject more stop sequences than this; the client enforces the rest itself.
    static let maxServerStops = 4

    init(member: MemberConfig, request: LMRequest, stream: Bool = true) {
        model = member.model
        switch (member.api, request.body) {
        case (.completions, .prompt(let text)):
            prompt = text
        case (.completions, .chat(let messages)):
            prompt = messages.map(\.content).joined(separator: "\n\n")
        case (.chat, .prompt(let text)):
            messages = [Message(role: "user", content: text)]
        case (.chat, .chat(let chat)):
            messages = chat.map { Message(role: $0.role, content: $0.content) }
        }
        let decoding = request.decoding
        maxTokens = decoding.maxTokens
        temperature = decoding.temperature
        topP = decoding.topP
        topK = decoding.topK
        let stops = decoding.stop.filter { !$0.isEmpty }
        stop = stops.isEmpty ? nil : Array(stops.prefix(Self.maxServerStops))
        seed = decoding.seed
        frequencyPenalty = decoding.frequencyPenalty
        presencePenalty = decoding.presencePenalty
        let server = member.server
        if server.acceptsMinTokens { minTokens = decoding.minTokens }
        switch server {
        case .llamaCpp: repeatPenalty = decoding.repeatPenalty
        case .vllm: repetitionPenalty = decoding.repeatPenalty
        case .openAI: break
        }
        if server.acceptsDRY { dryMultiplier = decoding.dryMultiplier }
        if server.cachesPrompts { cachePrompt = true }
        self.stream = stream
        streamOptions = stream ? StreamOptions(includeUsage: true) : nil
    }

    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, numbers and arrays of them cannot fail.
        return Array((try? encoder.encode(self)) ?? Data())
    }
}
