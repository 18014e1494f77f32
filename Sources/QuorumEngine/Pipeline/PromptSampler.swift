import QuorumCore
import QuorumStore

/// Chooses demonstrations for prompts with the reference's counts, reproducibly: every
/// request draws from its own generator, derived from the run's seed and a request number.
public struct PromptSampler: Sendable {
    public let seeds: [ItemType: [Demonstration]]
    public let settings: GenerationConfig

    public init(seeds: [Demonstration], settings: GenerationConfig) {
        var byType: [ItemType: [Demonstration]] = [.a: [], .b: []]
        for seed in seeds { byType[seed.input.isEmpty ? .b : .a, default: []].append(seed) }
        self.seeds = byType
        self.settings = settings
    }

    public func random(for request: UInt64) -> SeededRandom {
        var mixer = SeededRandom(seed: settings.seed ^ (request &* 0x9E37_79B9_7F4A_7C15))
        return SeededRandom(seed: mixer.next())
    }

    /// Step 1: up to the configured number of earlier machine instructions of `type` (fewer
    /// until that many exist) and seed instructions for the rest of the total, shuffled together.
    public func instructionPrompt(
        type: ItemType, machineInstructions: [String], random: inout SeededRandom
    ) -> (prompt: String, seedIDs: [String]) {
        let total = type == .a ? settings.instructionDemonstrationsA : settings.instructionDemonstrationsB
        let machineLimit = type == .a ? settings.machineDemonstrationsA : settings.machineDemonstrationsB
        let chosenMachine = Array(machineInstructions.shuffled(using: &random).prefix(min(machineLimit, total - 1)))
        let chosenSeeds = Array((seeds[type] ?? []).shuffled(using: &random).prefix(total - chosenMachine.count))
        let instructions = (chosenSeeds.map(\.instruction) + chosenMachine).shuffled(using: &random)
        return (InstructionPrompt.make(instructions, endMarker: settings.endMarker), chosenSeeds.map(\.id))
    }

    /// Steps 2 and 3 (few-shot): the fixed template of `type`, the same demonstrations in the
    /// same order for every request, so every prompt of the type shares its prefix byte for byte
    /// and a server with prompt caching evaluates it once. The rule: the first
    /// `instance_demonstrations_a` (or `_b`) seed tasks of the type, in the seed file's order.
    public func instanceTemplate(type: ItemType) -> [Demonstration] {
        let count = type == .a ? settings.instanceDemonstrationsA : settings.instanceDemonstrationsB
        return Array((seeds[type] ?? []).prefix(count))
    }

    /// Steps 2 and 3 for the item of `ticket`, as `settings.instanceDemonstrationChoice` says:
    /// the fixed template, or as many seeds of the type drawn for this item alone.
    public func instanceDemonstrations(type: ItemType, ticket: Int) -> [Demonstration] {
        switch settings.instanceDemonstrationChoice {
        case .fixedTemplate:
            return instanceTemplate(type: type)
        case .sampledPerItem:
            let count = type == .a ? settings.instanceDemonstrationsA : settings.instanceDemonstrationsB
            var random = random(for: UInt64(ticket) << 32 | 1)
            return Array((seeds[type] ?? []).shuffled(using: &random).prefix(count))
        }
    }
}
