extension MemberConfig {
    static let tomlKeys = [
        "name", "base_url", "base_urls", "model", "api", "prompting", "max_concurrency", "timeout", "retries",
        "api_key_env", "server", "decoding",
    ]

    /// A `[[members]]` table. Without `base_url` the member runs on the embedded engine,
    /// which `[engine] kind = "local"` must then provide.
    init(toml reader: TOMLTableReader, engine: EngineSettings) throws(QuorumConfigError) {
        let defaults = MemberConfig(name: "", baseURL: "", model: "")
        let name = try reader.required(reader.text("name"), "name", "every member has a name the roles refer to")
        let model = try reader.required(reader.text("model"), "model", "the model name sent to the endpoint")
        let replicas = try Self.replicas(reader)
        if replicas.isEmpty && engine.kind != .local {
            throw reader.error(
                "base_url",
                "is missing (the member's OpenAI-compatible endpoint, such as \"http://127.0.0.1:8080/v1\"; "
                    + "members without one run on the embedded engine, which needs [engine] kind = \"local\")")
        }
        let apiKeyEnv = try reader.string("api_key_env")
        if let apiKeyEnv, !Self.isVariableName(apiKeyEnv) {
            throw reader.error(
                "api_key_env",
                "must be the name of an environment variable (letters, digits and _, not starting with a digit), "
                    + "not the key itself")
        }
        let server = try reader.choice("server", MemberServer.self) ?? .assumed(onEmbeddedEngine: replicas.isEmpty)
        let decodingReader = try reader.table("decoding", allowedKeys: Decoding.tomlKeys)
        self.init(
            name: name, baseURL: "", model: model,
            api: try reader.choice("api", MemberAPI.self) ?? defaults.api,
            prompting: try reader.choice("prompting", Prompting.self) ?? defaults.prompting,
            decoding: try decodingReader.map { reader throws(QuorumConfigError) in try Decoding(toml: reader, server: server) }
                ?? defaults.decoding,
            maxConcurrency: try reader.integer("max_concurrency", atLeast: 1) ?? defaults.maxConcurrency,
            timeoutSeconds: try reader.number("timeout", "greater than 0") { $0 > 0 } ?? defaults.timeoutSeconds,
            retries: try reader.integer("retries", atLeast: 0) ?? defaults.retries,
            apiKeyEnv: apiKeyEnv, usesLocalEngine: replicas.isEmpty, server: server, replicas: replicas)
    }

    /// `base_url`, or `base_urls` for a member served by several replicas of one model.
    private static func replicas(_ reader: TOMLTableReader) throws(QuorumConfigError) -> [String] {
        func normalized(_ text: String, key: String) throws(QuorumConfigError) -> String {
            do {
                return try BaseURL.normalized(text)
            } catch {
                throw reader.error(key, BaseURL.message(for: error, original: text))
            }
        }
        if let text = try reader.string("base_url") {
            if reader.contains("base_urls") {
                throw reader.error("base_urls", "is given with base_url: name one server with base_url, or several with base_urls")
            }
            return [try normalized(text, key: "base_url")]
        }
        guard let texts = try reader.strings("base_urls") else { return [] }
        guard !texts.isEmpty else {
            throw reader.error("base_urls", "is empty (list the replicas' endpoints, or leave the key out to use the embedded engine)")
        }
        var replicas: [String] = []
        for text in texts {
            let url = try normalized(text, key: "base_urls")
            if replicas.contains(url) { throw reader.error("base_urls", "lists \(url) twice") }
            replicas.append(url)
        }
        return replicas
    }

    private static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }
}

extension Decoding {
    static let tomlKeys = [
        "temperature", "top_p", "top_k", "max_tokens", "stop", "seed", "repeat_penalty", "frequency_penalty",
        "presence_penalty", "dry_multiplier",
    ]

    /// A `[members.decoding]` table; `top_k = 0` means the parameter is not sent. A penalty the
    /// member's server does not take is an error rather than a setting silently dropped.
    init(toml reader: TOMLTableReader, server: MemberServer) throws(QuorumConfigError) {
        let defaults = Decoding()
        let topK = try reader.integer("top_k", atLeast: 0)
        self.init(
            temperature: try reader.number("temperature", "at least 0") { $0 >= 0 } ?? defaults.temperature,
            topP: try reader.number("top_p", "greater than 0 and at most 1") { $0 > 0 && $0 <= 1 } ?? defaults.topP,
            topK: topK.map { $0 == 0 ? nil : $0 } ?? defaults.topK,
            maxTokens: try reader.integer("max_tokens", atLeast: 1) ?? defaults.maxTokens,
            stop: try reader.texts("stop") ?? defaults.stop,
            seed: try reader.integer("seed") ?? defaults.seed,
            repeatPenalty: try reader.number("repeat_penalty", "greater than 0") { $0 > 0 },
            frequencyPenalty: try reader.number("frequency_penalty", "from -2 to 2") { (-2...2).contains($0) },
            presencePenalty: try reader.number("presence_penalty", "from -2 to 2") { (-2...2).contains($0) },
            dryMultiplier: try reader.number("dry_multiplier", "at least 0") { $0 >= 0 })
        if repeatPenalty != nil && !server.acceptsRepeatPenalty {
            throw reader.error(
                "repeat_penalty",
                "is not part of the OpenAI API this member's server speaks (server = \"\(server.rawValue)\"); "
                    + "use frequency_penalty or presence_penalty, or set server = \"llama.cpp\" or \"vllm\" on the member")
        }
        if dryMultiplier != nil && !server.acceptsDRY {
            throw reader.error(
                "dry_multiplier",
                "is llama.cpp's DRY sampler, which this member's server (server = \"\(server.rawValue)\") does not have; "
                    + "set server = \"llama.cpp\" on the member if it runs llama-server")
        }
    }
}
