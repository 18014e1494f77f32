extension FilterConfig {
    static let tomlKeys = ["max_words_too_short", "max_words", "blacklist", "novelty_threshold", "min_agreement"]

    init(toml reader: TOMLTableReader) throws(QuorumConfigError) {
        let defaults = FilterConfig()
        self.init(
            maxWordsTooShort: try reader.integer("max_words_too_short", atLeast: 0) ?? defaults.maxWordsTooShort,
            maxWords: try reader.integer("max_words", atLeast: 1) ?? defaults.maxWords,
            blacklist: try reader.texts("blacklist") ?? defaults.blacklist,
            noveltyThreshold: try reader.fraction("novelty_threshold") ?? defaults.noveltyThreshold,
            minAgreement: try reader.fraction("min_agreement") ?? defaults.minAgreement)
        guard maxWords > maxWordsTooShort else {
            let key = reader.contains("max_words") ? "max_words" : "max_words_too_short"
            throw reader.error(
                key, "max_words (\(maxWords)) must be greater than max_words_too_short (\(maxWordsTooShort))")
        }
    }
}

extension GenerationConfig {
    static let tomlKeys = [
        "seed", "instruction_demonstrations_a", "machine_demonstrations_a", "instruction_demonstrations_b",
        "machine_demonstrations_b", "instance_demonstrations_a", "instance_demonstrations_b", "instruction_max_tokens",
        "instruction_min_tokens", "instance_max_tokens", "instance_min_tokens", "end_marker", "max_awaiting_review",
        "max_fruitless_rounds",
    ] + renamedKeys.keys.sorted()

    /// Keys of earlier versions, with what replaced them.
    static let renamedKeys = [
        "seed_demonstrations_a": "instruction_demonstrations_a",
        "seed_demonstrations_b": "instruction_demonstrations_b",
    ]

    init(toml reader: TOMLTableReader) throws(QuorumConfigError) {
        for (old, new) in Self.renamedKeys.sorted(by: { $0.key < $1.key }) where reader.contains(old) {
            throw reader.error(
                old,
                "was replaced by \(new), the total number of demonstrations per instruction prompt (seeds fill what "
                    + "the machine instructions leave; the reference's numbers are 24 for type A and 10 for type B)")
        }
        let defaults = GenerationConfig()
        func budget(_ prefix: String, _ fallback: TokenBudget) throws(QuorumConfigError) -> TokenBudget {
            let maximum = try reader.integer("\(prefix)_max_tokens", atLeast: 1) ?? fallback.maximum
            let minimum = try reader.integer("\(prefix)_min_tokens", atLeast: 0) ?? fallback.minimum
            guard minimum <= maximum else {
                throw reader.error(
                    "\(prefix)_min_tokens", "\(prefix)_min_tokens (\(minimum)) must be at most \(prefix)_max_tokens (\(maximum))")
            }
            return TokenBudget(maximum: maximum, minimum: minimum)
        }
        self.init(
            seed: try reader.integer("seed", atLeast: 0).map(UInt64.init) ?? defaults.seed,
            instructionDemonstrationsA: try reader.integer("instruction_demonstrations_a", atLeast: 1)
                ?? defaults.instructionDemonstrationsA,
            machineDemonstrationsA: try reader.integer("machine_demonstrations_a", atLeast: 0)
                ?? defaults.machineDemonstrationsA,
            instructionDemonstrationsB: try reader.integer("instruction_demonstrations_b", atLeast: 1)
                ?? defaults.instructionDemonstrationsB,
            machineDemonstrationsB: try reader.integer("machine_demonstrations_b", atLeast: 0)
                ?? defaults.machineDemonstrationsB,
            instanceDemonstrationsA: try reader.integer("instance_demonstrations_a", atLeast: 1)
                ?? defaults.instanceDemonstrationsA,
            instanceDemonstrationsB: try reader.integer("instance_demonstrations_b", atLeast: 1)
                ?? defaults.instanceDemonstrationsB,
            instructionTokens: try budget("instruction", defaults.instructionTokens),
            instanceTokens: try budget("instance", defaults.instanceTokens),
            endMarker: try reader.text("end_marker") ?? defaults.endMarker,
            maxAwaitingReview: try reader.integer("max_awaiting_review", atLeast: 1) ?? defaults.maxAwaitingReview,
            maxFruitlessRounds: try reader.integer("max_fruitless_rounds", atLeast: 1) ?? defaults.maxFruitlessRounds)
        for type in ["a", "b"] {
            let total = type == "a" ? instructionDemonstrationsA : instructionDemonstrationsB
            let machine = type == "a" ? machineDemonstrationsA : machineDemonstrationsB
            guard machine < total else {
                throw reader.error(
                    "machine_demonstrations_\(type)",
                    "machine_demonstrations_\(type) (\(machine)) must be less than instruction_demonstrations_\(type) "
                        + "(\(total)): every instruction prompt keeps at least one seed")
            }
        }
    }
}

extension Roles {
    static let tomlKeys = ["instructions", "instances", "outputs"]

    /// The `[roles]` table, which may be left out: the first member then writes instructions
    /// and instances, and every other member gives an additional output.
    init(toml reader: TOMLTableReader?, at path: TOMLKeyPath, members: [MemberConfig], source: ConfigSource)
        throws(QuorumConfigError)
    {
        let names = members.map(\.name)
        func check(_ name: String, _ key: TOMLKeyPath) throws(QuorumConfigError) -> String {
            guard names.contains(name) else {
                var message = "no member is named \"\(name)\" (members: \(names.joined(separator: ", ")))"
                if let suggestion = KeySuggestion.closest(to: name, among: names) {
                    message += "; did you mean \"\(suggestion)\"?"
                }
                throw source.error(at: key, message)
            }
            return name
        }
        var instructions = names[0]
        if let name = try reader?.text("instructions") { instructions = try check(name, path.appending("instructions")) }
        var instances = instructions
        if let name = try reader?.text("instances") { instances = try check(name, path.appending("instances")) }
        var outputs = names.filter { $0 != instances }
        if let listed = try reader?.strings("outputs") {
            outputs = []
            for (index, name) in listed.enumerated() {
                let key = path.appending("outputs").appending(index: index)
                if outputs.contains(name) { throw source.error(at: key, "lists \"\(name)\" twice") }
                outputs.append(try check(name, key))
            }
        }
        guard !outputs.isEmpty else {
            throw source.error(
                at: path.appending("outputs"),
                "no member gives additional outputs; consensus needs at least one besides the instance generator "
                    + "(add a member and list it in roles.outputs)")
        }
        self.init(instructionGenerator: instructions, instanceGenerator: instances, outputMembers: outputs)
    }
}
