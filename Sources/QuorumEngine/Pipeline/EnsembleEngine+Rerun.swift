import QuorumCore
import QuorumStore

extension EnsembleEngine {
    /// Stores a rerun's new set in the item's log, where the engine's own store does not: a
    /// team's store, which the engine reads through a mirror.
    public typealias RerunRecorder = @Sendable (_ newSet: NewCandidateSet, _ itemID: Int64, _ curator: String) async throws -> Void

    /// Asks every member again for the item's output (the instance generator few-shot, given
    /// the same input) and records the new candidate set as a rerun in the item's log (through
    /// `record` when given, else in the engine's store).
    @discardableResult
    public func rerunOutputs(
        itemID: Int64, ticket: Int, curator: String, record: RerunRecorder? = nil,
        events: @escaping @Sendable (EngineEvent) -> Void
    ) async throws -> ConsensusResult {
        let detail = try await store.item(itemID)
        let item = detail.item
        var random = sampler.random(for: UInt64(bitPattern: itemID) << 20 | UInt64(detail.candidateSet.ordinal + 1))
        let demonstrations = sampler.instanceTemplate(type: item.type)
        let seed = Self.rerunSeed(&random, logPosition: detail.logPosition)
        let first = await answer(
            models[config.roles.instanceGenerator]!, position: 0, ticket: ticket, instruction: item.instruction,
            input: item.input, type: item.type, demonstrations: demonstrations, seed: seed, events: events)
        let others = await additionalOutputs(
            ticket: ticket, instruction: item.instruction, input: item.input, type: item.type,
            demonstrations: demonstrations, seed: seed, events: events)
        try Task.checkCancellation()
        let candidates = [first] + others
        let consensus = consensus(of: candidates)
        let newSet = NewCandidateSet(candidates: candidates, consensus: consensus)
        if let record {
            try await record(newSet, itemID, curator)
        } else {
            _ = try await store.write { try $0.append(.rerun(newSet), to: itemID, curator: curator) }
        }
        events(.rerunStored(ticket: ticket, itemID: itemID, consensus: consensus))
        return consensus
    }

    /// A rerun's sampling seed: the rerun's own generator mixed with the item's log position,
    /// which every rerun and undo moves on, so no two reruns of an item ask for the same
    /// samples. Below 2³¹: llama.cpp reads it as an unsigned 32-bit number, vLLM as signed.
    static func rerunSeed(_ random: inout SeededRandom, logPosition: Int64) -> Int {
        Int((random.next() ^ (UInt64(bitPattern: logPosition) &* 0x9E37_79B9_7F4A_7C15)) & 0x7FFF_FFFF)
    }

    /// Generates a new instance (input and every output) for the item's instruction. The store
    /// keeps inputs with their items, so the new instance is a new item of the same run, and
    /// the old one is rejected with a note that names it. Returns the new item's id, or nil
    /// when the new instance was dropped (the old item is then left as it was).
    public func rerunInstance(
        itemID: Int64, ticket: Int, curator: String, events: @escaping @Sendable (EngineEvent) -> Void
    ) async throws -> Int64? {
        let detail = try await store.item(itemID)
        let item = detail.item
        events(.itemStarted(ticket: ticket, type: item.type, instruction: item.instruction))
        guard let instance = try await generateInstance(
            ticket: ticket, instruction: item.instruction, type: item.type, events: events)
        else { return nil }
        let others = await additionalOutputs(
            ticket: ticket, instruction: item.instruction, input: instance.input, type: item.type,
            demonstrations: instance.demonstrations, events: events)
        try Task.checkCancellation()
        let candidates = [instance.first] + others
        let consensus = consensus(of: candidates)
        let replacement = NewItem(
            runID: item.runID, instruction: item.instruction, input: instance.input, type: item.type,
            generator: item.generator, seedIDs: item.seedIDs,
            candidateSet: NewCandidateSet(candidates: candidates, consensus: consensus))
        let newID = try await store.write { transaction in
            let inserted = try transaction.insertItem(replacement)
            try transaction.append(
                .reject(reason: InstanceRerunLink.replacedReason(by: inserted.id!)), to: itemID, curator: curator)
            return inserted.id!
        }
        events(.itemStored(ticket: ticket, itemID: newID, consensus: consensus))
        return newID
    }
}
