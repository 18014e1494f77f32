import QuorumCore
import QuorumStore

/// The steps an item goes through, shared by generation and reruns.
extension EnsembleEngine {
    struct Instance: Sendable {
        var input: String
        var first: NewCandidate
        var demonstrations: [Demonstration]
    }

    /// Step 2: the instance generator writes an input (type A) and the first output.
    /// Nil when the answer is dropped; the reason has been reported (and counted in `drops`).
    func generateInstance(
        ticket: Int, instruction: String, type: ItemType, drops: FilterDropLog? = nil,
        events: @escaping @Sendable (EngineEvent) -> Void
    ) async throws -> Instance? {
        let model = models[config.roles.instanceGenerator]!
        let demonstrations = sampler.instanceDemonstrations(type: type, ticket: ticket)
        let endMarker = config.generation.endMarker
        let prompt = InstancePrompt.instance(for: instruction, type: type, demonstrations: demonstrations, endMarker: endMarker)
        let completion = try await stream(
            model, prompt: prompt, stops: InstancePrompt.stops(endMarker: endMarker),
            tokens: config.generation.instanceTokens, ticket: ticket, candidate: 0, events: events)
        let parsed = InstancePrompt.parseInstance(completion.text, type: type, endMarker: endMarker)
        if let reason = Self.instanceRejection(parsed, type: type) {
            await drops?.record(.instance, [reason])
            events(.instanceFiltered(ticket: ticket, reason: reason))
            return nil
        }
        guard let parsed else { return nil }
        events(.instanceReady(ticket: ticket, input: parsed.input))
        let first = NewCandidate(
            member: model.member.name, text: parsed.output, promptTokens: completion.promptTokens,
            completionTokens: completion.completionTokens, latencyMilliseconds: completion.latencySeconds * 1000)
        events(.candidateFinished(ticket: ticket, candidate: 0, member: first.member, text: first.text, error: nil))
        return Instance(input: parsed.input, first: first, demonstrations: demonstrations)
    }

    static func instanceRejection(_ parsed: (input: String, output: String)?, type: ItemType) -> FilterReason? {
        guard let parsed else { return .unparsable }
        if parsed.output.isEmpty { return .emptyOutput }
        if type == .a && parsed.input.isEmpty { return .emptyInput }
        return nil
    }

    /// One member's answer to an instruction and input: few-shot with demonstration blocks,
    /// or zero-shot with `instruction + "\n" + input`; both stop at a blank line or the end
    /// marker, as the reference's do. A failure becomes a candidate with an error. `seed`, for
    /// a rerun, replaces the member's sampling seed.
    func answer(
        _ model: any LanguageModel, position: Int, ticket: Int, instruction: String, input: String, type: ItemType,
        demonstrations: [Demonstration], seed: Int? = nil, events: @escaping @Sendable (EngineEvent) -> Void
    ) async -> NewCandidate {
        let endMarker = config.generation.endMarker
        let fewShot = model.member.prompting == .fewShot
        let prompt = fewShot
            ? InstancePrompt.output(for: instruction, input: input, type: type, demonstrations: demonstrations, endMarker: endMarker)
            : ZeroShotPrompt.make(instruction: instruction, input: input)
        let name = model.member.name
        do {
            let completion = try await stream(
                model, prompt: prompt, stops: InstancePrompt.stops(endMarker: endMarker), tokens: nil, ticket: ticket,
                candidate: position, seed: seed, events: events)
            let text = fewShot
                ? InstancePrompt.parseOutput(completion.text, endMarker: endMarker)
                : completion.text.trimmingWhitespace()
            events(.candidateFinished(ticket: ticket, candidate: position, member: name, text: text, error: nil))
            return NewCandidate(
                member: name, text: text, promptTokens: completion.promptTokens,
                completionTokens: completion.completionTokens, latencyMilliseconds: completion.latencySeconds * 1000)
        } catch {
            let message = (error as? LMError)?.description ?? "cancelled"
            if error is LMError { events(.memberFailed(member: name, error: message)) }
            events(.candidateFinished(ticket: ticket, candidate: position, member: name, text: "", error: message))
            return NewCandidate(member: name, text: "", error: message)
        }
    }

    /// Step 3: every output member answers, concurrently; candidates come back in member order.
    func additionalOutputs(
        ticket: Int, instruction: String, input: String, type: ItemType, demonstrations: [Demonstration],
        seed: Int? = nil, events: @escaping @Sendable (EngineEvent) -> Void
    ) async -> [NewCandidate] {
        await withTaskGroup(of: (Int, NewCandidate).self) { group in
            for (offset, name) in config.roles.outputMembers.enumerated() {
                let model = models[name]!
                group.addTask {
                    let candidate = await self.answer(
                        model, position: offset + 1, ticket: ticket, instruction: instruction, input: input, type: type,
                        demonstrations: demonstrations, seed: seed, events: events)
                    return (offset + 1, candidate)
                }
            }
            var results: [(Int, NewCandidate)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// Step 4 over the candidates that were produced.
    func consensus(of candidates: [NewCandidate]) -> ConsensusResult {
        var tokenizer = RougeTokenizer()
        return CandidateSetConsensus.decide(
            candidates.map { $0.error == nil ? $0.text : nil }, minAgreement: config.filters.minAgreement,
            tokenizer: &tokenizer)
    }

    /// A streamed completion whose tokens and restarts become events; `tokens` is the step's
    /// budget (nil: the member's own `max_tokens`).
    func stream(
        _ model: any LanguageModel, prompt: String, stops: [String], tokens: TokenBudget?, ticket: Int, candidate: Int,
        seed: Int? = nil, events: @escaping @Sendable (EngineEvent) -> Void
    ) async throws -> LMCompletion {
        let name = model.member.name
        var decoding = decoding(model.member, stops: stops, tokens: tokens)
        if let seed { decoding.seed = seed }
        let request = LMRequest(body: .prompt(prompt), decoding: decoding)
        return try await model.streamCompletion(request) { event in
            switch event {
            case .token(let text):
                events(.candidateToken(ticket: ticket, candidate: candidate, member: name, text: text))
            case .restart(_, let reason, _):
                events(.candidateRestarted(ticket: ticket, candidate: candidate, member: name, reason: reason.description))
            }
        }
    }
}
