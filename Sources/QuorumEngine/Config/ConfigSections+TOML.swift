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
        "seed", "seed_demonstrations_a", "machine_demonstrations_a", "seed_demonstrations_b",
        "machine_demonstrations_b", "instance_demonstrations_a", "instance_demonstrations_b", "end_marker",
        "max_awaiting_review", "max_fruitless_rounds",
    ]

    init(toml reader: TOMLTableReader) throws(QuorumConfigError) {
        let defaults = GenerationConfig()
        self.init(
            seed: try reader.integer("seed", atLeast: 0).map(UInt64.init) ?? defaults.seed,
            seedDemonstrationsA: try reader.integer("seed_demonstrations_a", atLeast: 1) ?? defaults.seedDemonstrationsA,
            machineDemonstrationsA: try reader.integer("machine_demonstrations_a", atLeast: 0)
                ?? defaults.machineDemonstrationsA,
            seedDemonstrationsB: try reader.integer("seed_demonstrations_b", atLeast: 1) ?? defaults.seedDemonstrationsB,
            machineDemonstrationsB: try reader.integer("machine_demonstrations_b", atLeast: 0)
                ?? defaults.machineDemonstrationsB,
            instanceDemonstrationsA: try reader.integer("instance_demonstrations_a", atLeast: 1)
                ?? defaults.instanceDemonstrationsA,
            instanceDemonstrationsB: try reader.integer("instance_demonstrations_b", atLeast: 1)
                ?? defaults.instanceDemonstrationsB,
            endMarker: try reader.text("end_marker") ?? defaults.endMarker,
            maxAwaitingReview: try reader.integer("max_awaiting_review", atLeast: 1) ?? defaults.maxAwaitingReview,
            maxFruitlessRounds: try reader.integer("max_fruitless_rounds", atLeast: 1) ?? defaults.maxFruitlessRounds)
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
