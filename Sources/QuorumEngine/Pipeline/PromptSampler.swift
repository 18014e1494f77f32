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

    /// Step 1: seed instructions of `type` and up to the configured number of earlier machine
    /// instructions (fewer until that many exist), shuffled together.
    public func instructionPrompt(
        type: ItemType, machineInstructions: [String], random: inout SeededRandom
    ) -> (prompt: String, seedIDs: [String]) {
        let seedCount = type == .a ? settings.seedDemonstrationsA : settings.seedDemonstrationsB
        let machineCount = type == .a ? settings.machineDemonstrationsA : settings.machineDemonstrationsB
        let chosenSeeds = Array((seeds[type] ?? []).shuffled(using: &random).prefix(seedCount))
        let chosenMachine = Array(machineInstructions.shuffled(using: &random).prefix(machineCount))
        let instructions = (chosenSeeds.map(\.instruction) + chosenMachine).shuffled(using: &random)
        return (InstructionPrompt.make(instructions, endMarker: settings.endMarker), chosenSeeds.map(\.id))
    }

    /// Steps 2 and 3 (few-shot): seed tasks of `type` as demonstration blocks.
    public func instanceDemonstrations(type: ItemType, random: inout SeededRandom) -> [Demonstration] {
        let count = type == .a ? settings.instanceDemonstrationsA : settings.instanceDemonstrationsB
        return Array((seeds[type] ?? []).shuffled(using: &random).prefix(count))
    }
}
