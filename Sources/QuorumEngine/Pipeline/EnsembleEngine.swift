import Foundation
import QuorumCore
import QuorumStore

public struct GenerationRequest: Sendable, Equatable {
    public var count: Int
    public var types: [ItemType]
    /// Commit each consensus choice as `autoCurator`'s accept, for spot-checking later.
    public var autoAccept: Bool
    public var autoCurator: String

    public init(count: Int, types: [ItemType] = ItemType.allCases, autoAccept: Bool = false, autoCurator: String = "auto") {
        self.count = count
        self.types = types
        self.autoAccept = autoAccept
        self.autoCurator = autoCurator
    }
}

public enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownMember(String)
    case noSeeds(ItemType)
    case generatorFailing(member: String, lastError: String)
    /// `rounds` step-1 requests in a row kept no instruction; `outcome` says what came back.
    case instructionsFruitless(member: String, rounds: Int, outcome: String)

    public var description: String {
        switch self {
        case .unknownMember(let name): return "no ensemble member is named \"\(name)\""
        case .noSeeds(let type): return "the seed pool has no type \(type.rawValue) tasks"
        case .generatorFailing(let member, let error):
            return "the generator \"\(member)\" keeps failing, stopping: \(error)"
        case .instructionsFruitless(let member, let rounds, let outcome):
            return "the instruction generator \"\(member)\" gave no usable instruction in \(rounds) rounds in a row, "
                + "stopping: \(outcome)"
        }
    }
}

/// Stages 1–4 of Ensemble-Instruct over the configured members, writing finished items to
/// the store. Each item goes in with all its candidates and its consensus in one transaction,
/// so stopping at any moment keeps exactly the items that were finished.
public final class EnsembleEngine: Sendable {
    public let config: QuorumConfig
    let models: [String: any LanguageModel]
    let sampler: PromptSampler
    let store: Store

    public init(config: QuorumConfig, models: [any LanguageModel], seeds: [Demonstration], store: Store) throws {
        self.config = config
        self.models = Dictionary(models.map { ($0.member.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.sampler = PromptSampler(seeds: seeds, settings: config.generation)
        self.store = store
        for name in [config.roles.instructionGenerator, config.roles.instanceGenerator] + config.roles.outputMembers
        where self.models[name] == nil {
            throw EngineError.unknownMember(name)
        }
    }

    /// Generates `request.count` items into run `runID`; returns how many were stored. While
    /// `gate` is paused no new item is started.
    public func generate(
        _ request: GenerationRequest, runID: Int64, earlierInstructions: [(ItemType, String)],
        gate: GenerationGate? = nil, events: @escaping @Sendable (EngineEvent) -> Void
    ) async throws -> Int {
        for type in request.types where (sampler.seeds[type] ?? []).isEmpty { throw EngineError.noSeeds(type) }
        let supply = InstructionSupply(
            sampler: sampler, filter: InstructionFilter(settings: config.filters), earlierInstructions: earlierInstructions,
            drops: FilterDropLog(store: store, runID: runID))
        let tickets = TicketCounter(target: request.count)
        let failures = FailureTracker(limit: 5)
        let fruitless = FruitlessRounds(limit: config.generation.maxFruitlessRounds)
        // Each item spends about a third of its time on each stage (instruction, instance,
        // outputs); three workers per generator slot keep the generator busy while outputs stream.
        // The members' own limits still cap what is in flight.
        let generator = models[config.roles.instanceGenerator]!.member
        let workers = min(request.count, max(1, generator.maxConcurrency * 3))
        // The first impression: on the embedded engine of a small machine (2 cores) every
        // worker's requests share the CPU, so the first item would arrive only when six do.
        // `Self.rampWorkers` run alone until an item a curator can review is stored (or
        // `Self.rampStoredLimit` were stored, none reviewable, so a run that rarely agrees is not
        // left on them); then all start. A server elsewhere serves six as fast as one.
        let ramp = GenerationGate(paused: workers > Self.rampWorkers && generator.usesLocalEngine)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    if worker >= Self.rampWorkers { try await ramp.waitUntilOpen() }
                    do {
                        while true {
                            try await gate?.waitUntilOpen()
                            guard let ticket = await tickets.claim() else { break }
                            try Task.checkCancellation()
                            let consensus = try await self.produceItem(
                                ticket: ticket, request: request, runID: runID, supply: supply, failures: failures,
                                fruitless: fruitless, events: events)
                            if let consensus {
                                let stored = await tickets.markStored()
                                events(.progress(stored: stored, target: request.count))
                                if consensus.choice != nil || stored >= Self.rampStoredLimit { await ramp.setPaused(false) }
                            } else {
                                await tickets.release()
                            }
                        }
                    } catch {
                        // The group waits for every worker before it rethrows: the waiting ones
                        // must start, meet the same stop and end too.
                        await ramp.setPaused(false)
                        throw error
                    }
                    await ramp.setPaused(false)
                }
            }
            try await group.waitForAll()
        }
        return await tickets.stored
    }

    /// Workers before the ramp opens. Two, measured on 2 cores (`quorum bench engine --local`):
    /// llama-server decodes two sequences together nearly as fast as one, so the first item
    /// comes as soon, and when it is discarded the second is often already reviewable.
    static let rampWorkers = 2
    /// Items stored, none of them reviewable, after which the ramp opens anyway.
    static let rampStoredLimit = 3

    /// One item from instruction to store: the stored item's consensus, or nil when it was
    /// dropped on the way.
    private func produceItem(
        ticket: Int, request: GenerationRequest, runID: Int64, supply: InstructionSupply, failures: FailureTracker,
        fruitless: FruitlessRounds, events: @escaping @Sendable (EngineEvent) -> Void
    ) async throws -> ConsensusResult? {
        var random = sampler.random(for: UInt64(ticket) << 32)
        let type = chooseType(request.types, random: &random)
        guard let pending = try await nextInstruction(
            type, supply: supply, failures: failures, fruitless: fruitless, events: events)
        else {
            return nil
        }
        events(.itemStarted(ticket: ticket, type: type, instruction: pending.instruction))
        let instanceMember = config.roles.instanceGenerator
        let instance: Instance
        do {
            guard let generated = try await generateInstance(
                ticket: ticket, instruction: pending.instruction, type: type, drops: supply.drops,
                events: events)
            else { return nil }
            instance = generated
            await failures.succeeded(instanceMember)
        } catch let error as LMError {
            events(.memberFailed(member: instanceMember, error: error.description))
            try await failures.failed(instanceMember, error)
            return nil
        }
        let others = await additionalOutputs(
            ticket: ticket, instruction: pending.instruction, input: instance.input, type: type,
            demonstrations: instance.demonstrations, events: events)
        try Task.checkCancellation()
        let candidates = [instance.first] + others
        let consensus = consensus(of: candidates)
        let item = NewItem(
            runID: runID, instruction: pending.instruction, input: instance.input, type: type,
            generator: config.roles.instructionGenerator, seedIDs: pending.seedIDs,
            candidateSet: NewCandidateSet(candidates: candidates, consensus: consensus))
        let autoAccept = request.autoAccept && consensus.choice != nil
        let curator = request.autoCurator
        let stored = try await store.write { transaction in
            let inserted = try transaction.insertItem(item)
            if autoAccept { try transaction.append(.accept, to: inserted.id!, curator: curator) }
            return inserted.id!
        }
        events(.itemStored(ticket: ticket, itemID: stored, consensus: consensus))
        return consensus
    }

    /// A buffered instruction of `type`, generating a new batch when none is waiting. Throws
    /// once `fruitless` has seen its limit of answered requests in a row that kept nothing.
    private func nextInstruction(
        _ type: ItemType, supply: InstructionSupply, failures: FailureTracker, fruitless: FruitlessRounds,
        events: @escaping @Sendable (EngineEvent) -> Void
    ) async throws -> InstructionSupply.Pending? {
        let generator = models[config.roles.instructionGenerator]!
        for _ in 0..<8 {
            if let pending = await supply.take(type) { return pending }
            try Task.checkCancellation()
            if let stop = await fruitless.stop { throw stop }
            let (prompt, seedIDs) = await supply.prompt(type)
            let marker = config.generation.endMarker.trimmingWhitespace()
            let decoding = decoding(
                generator.member, stops: marker.isEmpty ? [] : [marker], tokens: config.generation.instructionTokens)
            do {
                let completion = try await generator.complete(LMRequest(body: .prompt(prompt), decoding: decoding)) { _ in }
                await failures.succeeded(generator.member.name)
                let instructions = InstructionPrompt.parse(
                    completion.text, endMarker: config.generation.endMarker,
                    truncated: completion.finishReason == "length")
                let admitted = await supply.admit(instructions, type: type, seedIDs: seedIDs)
                for event in admitted { events(event) }
                let kept = admitted.filter { if case .instructionKept = $0 { true } else { false } }.count
                let dropped = admitted.compactMap { event -> FilterReason? in
                    if case .instructionFiltered(_, _, let reason) = event { reason } else { nil }
                }
                let round = await fruitless.record(
                    member: generator.member.name, answer: completion.text, dropped: dropped, kept: kept)
                events(.instructionRound(member: generator.member.name, fruitlessInARow: round.inARow, limit: fruitless.limit))
                if let stop = round.stop { throw stop }
            } catch let error as LMError {
                events(.memberFailed(member: generator.member.name, error: error.description))
                try await failures.failed(generator.member.name, error)
            }
        }
        return nil
    }

    /// The member's decoding with the step's stops added and, for steps 1 and 2, the step's
    /// token budget in place of the member's `max_tokens`.
    func decoding(_ member: MemberConfig, stops: [String], tokens: TokenBudget?) -> Decoding {
        var decoding = member.decoding
        for stop in stops where !decoding.stop.contains(stop) { decoding.stop.append(stop) }
        if let tokens {
            decoding.maxTokens = tokens.maximum
            decoding.minTokens = tokens.minimum > 0 ? tokens.minimum : nil
        }
        return decoding
    }

    private func chooseType(_ types: [ItemType], random: inout SeededRandom) -> ItemType {
        guard types.count > 1 else { return types.first ?? .a }
        let countA = Double(sampler.seeds[.a]?.count ?? 0)
        let countB = Double(sampler.seeds[.b]?.count ?? 0)
        return Double.random(in: 0..<1, using: &random) < countA / max(1, countA + countB) ? .a : .b
    }
}

/// Stops the run when the same member has failed `limit` requests in a row.
actor FailureTracker {
    let limit: Int
    private var consecutive: [String: Int] = [:]

    init(limit: Int) { self.limit = limit }

    func succeeded(_ member: String) { consecutive[member] = 0 }

    func failed(_ member: String, _ error: LMError) throws {
        consecutive[member, default: 0] += 1
        if consecutive[member]! >= limit {
            throw EngineError.generatorFailing(member: member, lastError: error.description)
        }
    }
}
