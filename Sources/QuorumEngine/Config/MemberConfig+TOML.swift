extension MemberConfig {
    static let tomlKeys = [
        "name", "base_url", "model", "api", "prompting", "max_concurrency", "timeout", "retries", "api_key_env",
        "decoding",
    ]

    /// A `[[members]]` table. Without `base_url` the member runs on the embedded engine,
    /// which `[engine] kind = "local"` must then provide.
    init(toml reader: TOMLTableReader, engine: EngineSettings) throws(QuorumConfigError) {
        let defaults = MemberConfig(name: "", baseURL: "", model: "")
        let name = try reader.required(reader.text("name"), "name", "every member has a name the roles refer to")
        let model = try reader.required(reader.text("model"), "model", "the model name sent to the endpoint")
        var baseURL = ""
        if let text = try reader.string("base_url") {
            do {
                baseURL = try BaseURL.normalized(text)
            } catch {
                throw reader.error("base_url", BaseURL.message(for: error, original: text))
            }
        } else if engine.kind != .local {
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
        self.init(
            name: name, baseURL: baseURL, model: model,
            api: try reader.choice("api", MemberAPI.self) ?? defaults.api,
            prompting: try reader.choice("prompting", Prompting.self) ?? defaults.prompting,
            decoding: try reader.table("decoding", allowedKeys: Decoding.tomlKeys).map(Decoding.init(toml:))
                ?? defaults.decoding,
            maxConcurrency: try reader.integer("max_concurrency", atLeast: 1) ?? defaults.maxConcurrency,
            timeoutSeconds: try reader.number("timeout", "greater than 0") { $0 > 0 } ?? defaults.timeoutSeconds,
            retries: try reader.integer("retries", atLeast: 0) ?? defaults.retries,
            apiKeyEnv: apiKeyEnv, usesLocalEngine: baseURL.isEmpty)
    }

    private static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }
}

extension Decoding {
    static let tomlKeys = ["temperature", "top_p", "top_k", "max_tokens", "stop", "seed"]

    /// A `[members.decoding]` table; `top_k = 0` means the parameter is not sent.
    init(toml reader: TOMLTableReader) throws(QuorumConfigError) {
        let defaults = Decoding()
        let topK = try reader.integer("top_k", atLeast: 0)
        self.init(
            temperature: try reader.number("temperature", "at least 0") { $0 >= 0 } ?? defaults.temperature,
            topP: try reader.number("top_p", "greater than 0 and at most 1") { $0 > 0 && $0 <= 1 } ?? defaults.topP,
            topK: topK.map { $0 == 0 ? nil : $0 } ?? defaults.topK,
            maxTokens: try reader.integer("max_tokens", atLeast: 1) ?? defaults.maxTokens,
            stop: try reader.texts("stop") ?? defaults.stop,
            seed: try reader.integer("seed") ?? defaults.seed)
    }
}
