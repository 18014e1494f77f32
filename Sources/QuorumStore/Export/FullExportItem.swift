/// One item as the full format writes it, whichever backend read it: its columns as stored
/// (timestamps as the store's text, `seed_ids`, scores and matrices as their JSON text), its
/// candidate sets by ordinal with their candidates by position, and its log in id order.
public struct FullExportItem: Sendable, Equatable {
    public var id: Int64
    public var runID: Int64
    public var type: String
    public var instruction: String
    public var input: String
    public var generator: String?
    public var seedIDs: String
    public var createdAt: String
    public var status: String
    public var output: String?
    public var chosen: Int64?
    public var currentSetID: Int64?
    public var sets: [SetEntry]
    public var decisions: [DecisionEntry]

    public init(
        id: Int64, runID: Int64, type: String, instruction: String, input: String, generator: String?, seedIDs: String,
        createdAt: String, status: String, output: String?, chosen: Int64?, currentSetID: Int64?, sets: [SetEntry] = [],
        decisions: [DecisionEntry] = []
    ) {
        self.id = id
        self.runID = runID
        self.type = type
        self.instruction = instruction
        self.input = input
        self.generator = generator
        self.seedIDs = seedIDs
        self.createdAt = createdAt
        self.status = status
        self.output = output
        self.chosen = chosen
        self.currentSetID = currentSetID
        self.sets = sets
        self.decisions = decisions
    }

    /// A candidate set; `consensus` is nil while it streams.
    public struct SetEntry: Sendable, Equatable {
        public var id: Int64
        public var ordinal: Int64
        public var createdAt: String
        public var consensus: ConsensusEntry?
        public var candidates: [CandidateEntry]

        public init(id: Int64, ordinal: Int64, createdAt: String, consensus: ConsensusEntry?, candidates: [CandidateEntry] = []) {
            self.id = id
            self.ordinal = ordinal
            self.createdAt = createdAt
            self.consensus = consensus
            self.candidates = candidates
        }
    }

    public struct ConsensusEntry: Sendable, Equatable {
        public var choice: Int64?
        public var rule: String
        public var scores: String?
        public var margin: Double?
        public var fragility: Double?
        public var matrix: String?
        public var discard: String?

        public init(
            choice: Int64?, rule: String, scores: String?, margin: Double?, fragility: Double?, matrix: String?, discard: String?
        ) {
            self.choice = choice
            self.rule = rule
            self.scores = scores
            self.margin = margin
            self.fragility = fragility
            self.matrix = matrix
            self.discard = discard
        }
    }

    public struct CandidateEntry: Sendable, Equatable {
        public var position: Int64
        public var member: String
        public var text: String
        public var promptTokens: Int64?
        public var completionTokens: Int64?
        public var latencyMilliseconds: Double?
        public var error: String?

        public init(
            position: Int64, member: String, text: String, promptTokens: Int64?, completionTokens: Int64?,
            latencyMilliseconds: Double?, error: String?
        ) {
            self.position = position
            self.member = member
            self.text = text
            self.promptTokens = promptTokens
            self.completionTokens = completionTokens
            self.latencyMilliseconds = latencyMilliseconds
            self.error = error
        }
    }

    /// One logged event; `kind` is a `DecisionKind`'s raw value.
    public struct DecisionEntry: Sendable, Equatable {
        public var id: Int64
        public var kind: String
        public var setID: Int64?
        public var candidate: Int64?
        public var text: String?
        public var reason: String?
        public var targetID: Int64?
        public var curator: String
        public var at: String
        public var note: String?
        public var batchID: Int64?

        public init(
            id: Int64, kind: String, setID: Int64?, candidate: Int64?, text: String?, reason: String?, targetID: Int64?,
            curator: String, at: String, note: String?, batchID: Int64?
        ) {
            self.id = id
            self.kind = kind
            self.setID = setID
            self.candidate = candidate
            self.text = text
            self.reason = reason
            self.targetID = targetID
            self.curator = curator
            self.at = at
            self.note = note
            self.batchID = batchID
        }
    }

    /// The current set, when the item has one.
    public var currentSet: SetEntry? { sets.first { $0.id == currentSetID } }
}
