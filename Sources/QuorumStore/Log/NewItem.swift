import Foundation
import QuorumCore

/// A candidate as the engine (or an import) hands it to the store.
public struct NewCandidate: Sendable, Equatable {
    public var member: String
    public var text: String
    public var promptTokens: Int?
    public var completionTokens: Int?
    public var latencyMilliseconds: Double?
    public var error: String?

    public init(
        member: String, text: String, promptTokens: Int? = nil, completionTokens: Int? = nil,
        latencyMilliseconds: Double? = nil, error: String? = nil
    ) {
        self.member = member
        self.text = text
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.latencyMilliseconds = latencyMilliseconds
        self.error = error
    }
}

/// Candidates for one item; `consensus` is nil while more candidates are still to come.
public struct NewCandidateSet: Sendable, Equatable {
    public var candidates: [NewCandidate]
    public var consensus: ConsensusResult?

    public init(candidates: [NewCandidate], consensus: ConsensusResult?) {
        self.candidates = candidates
        self.consensus = consensus
    }
}

/// An instruction and input with its first candidate set.
public struct NewItem: Sendable, Equatable {
    public var runID: Int64
    public var instruction: String
    public var input: String
    public var type: ItemType
    public var generator: String?
    public var seedIDs: [String]
    public var candidateSet: NewCandidateSet
    public var createdAt: Date

    public init(
        runID: Int64, instruction: String, input: String, type: ItemType? = nil, generator: String? = nil,
        seedIDs: [String] = [], candidateSet: NewCandidateSet, createdAt: Date = Date()
    ) {
        self.runID = runID
        self.instruction = instruction
        self.input = input
        self.type = type ?? ItemType(input: input)
        self.generator = generator
        self.seedIDs = seedIDs
        self.candidateSet = candidateSet
        self.createdAt = createdAt
    }
}
