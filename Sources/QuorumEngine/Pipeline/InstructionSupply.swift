import QuorumCore
import QuorumStore

/// The novelty pools and the buffer of instructions waiting for an instance. Pools hold the
/// seed instructions of each type and every instruction kept so far, including earlier
/// ones of the same batch. A new instruction is checked against both types' pools, so the
/// same instruction is never kept once as type A and once as type B.
actor InstructionSupply {
    struct Pending: Sendable {
        var type: ItemType
        var instruction: String
        var seedIDs: [String]
    }

    private let sampler: PromptSampler
    private let filter: InstructionFilter
    /// Where the run's drops are counted; nil when they are not kept.
    nonisolated let drops: FilterDropLog?
    private var pools: [ItemType: NoveltyIndex] = [:]
    private var poolTexts: [ItemType: [String]] = [:]
    private var machine: [ItemType: [String]] = [:]
    private var buffer: [Pending] = []
    private var requests: UInt64 = 0

    init(
        sampler: PromptSampler, filter: InstructionFilter, earlierInstructions: [(ItemType, String)],
        drops: FilterDropLog? = nil
    ) {
        self.sampler = sampler
        self.filter = filter
        self.drops = drops
        for type in ItemType.allCases {
            var pool = NoveltyIndex(threshold: filter.settings.noveltyThreshold)
            let seeds = sampler.seeds[type]?.map(\.instruction) ?? []
            for instruction in seeds { pool.insert(instruction) }
            pools[type] = pool
            poolTexts[type] = seeds
            machine[type] = []
        }
        for (type, instruction) in earlierInstructions {
            pools[type]!.insert(instruction)
            poolTexts[type]!.append(instruction)
            machine[type]!.append(instruction)
        }
    }

    func take(_ type: ItemType) -> Pending? {
        guard let index = buffer.firstIndex(where: { $0.type == type }) else { return nil }
        return buffer.remove(at: index)
    }

    /// A step-1 prompt with freshly sampled demonstrations.
    func prompt(_ type: ItemType) -> (prompt: String, seedIDs: [String]) {
        requests += 1
        var random = sampler.random(for: requests)
        return sampler.instructionPrompt(type: type, machineInstructions: machine[type] ?? [], random: &random)
    }

    /// Filters the parsed continuation of a step-1 prompt; the kept instructions join the pool
    /// and the buffer, the dropped ones are counted.
    func admit(_ instructions: [String], type: ItemType, seedIDs: [String]) async -> [EngineEvent] {
        var dropped: [FilterReason] = []
        let events = instructions.map { instruction -> EngineEvent in
            if let reason = rejection(of: instruction, type: type) {
                dropped.append(reason)
                return .instructionFiltered(type: type, instruction: instruction, reason: reason)
            }
            keep(instruction, type: type)
            buffer.append(Pending(type: type, instruction: instruction, seedIDs: seedIDs))
            return .instructionKept(type: type, instruction: instruction)
        }
        await drops?.record(.instruction, dropped)
        return events
    }

    private func rejection(of instruction: String, type: ItemType) -> FilterReason? {
        if let reason = filter.rejection(of: instruction) { return reason }
        for pooled in [type] + ItemType.allCases.filter({ $0 != type }) {
            if case .tooSimilar(let index, let score) = pools[pooled]!.check(instruction) {
                return .tooSimilar(to: poolTexts[pooled]![index], score: score)
            }
        }
        return nil
    }

    private func keep(_ instruction: String, type: ItemType) {
        pools[type]!.insert(instruction)
        poolTexts[type]!.append(instruction)
        machine[type]!.append(instruction)
    }
}

/// Hands out item tickets until the target is met; a ticket whose item was dropped returns.
actor TicketCounter {
    let target: Int
    private var issued = 0
    private var nextTicket = 0
    private(set) var stored = 0

    init(target: Int) { self.target = target }

    func claim() -> Int? {
        guard issued < target else { return nil }
        issued += 1
        nextTicket += 1
        return nextTicket
    }

    func release() { issued -= 1 }

    func markStored() -> Int {
        stored += 1
        return stored
    }
}
