/// Counts by status and type, per-member win rates and how often curators agree with the
/// consensus; what `quorum stats` prints.
public struct StoreStats: Sendable, Equatable, Encodable {
    public var items: Int
    public var decisions: Int
    /// `counts[type][status]`, every type and status present (zeros included).
    public var counts: [String: [String: Int]]
    public var members: [MemberStats]
    /// Items accepted as the consensus chose, over all curated items.
    public var curatorAgreement: Double?
    /// Cohen's kappa between human curators and the consensus (see `CuratorAgreement`).
    public var agreement = CuratorAgreement(confusion: [:])
    public var distributions = StatsDistributions(
        margin: Distribution(edges: [], counts: []), fragility: Distribution(edges: [], counts: []), pairwiseRougeL: Distribution(edges: [], counts: []),
        outputWords: Distribution(edges: [], counts: []))
    /// Reasons of the rejections in force, grouped, most frequent first.
    public var rejectionReasons: [ReasonCount] = []
    /// Why the discarded items' sets were discarded.
    public var discardReasons: [ReasonCount] = []
    /// Instructions and instances the engine dropped, by stage and reason, over every run.
    public var filterDrops: [FilterDropCount] = []
    /// Per human curator: decisions by kind, skips, rate.
    public var curators: [CuratorStats] = []
    /// The filter the items were narrowed by, as written; nil for the whole store.
    public var filter: String?

    public init(items: Int, decisions: Int, counts: [String: [String: Int]], members: [MemberStats], curatorAgreement: Double?) {
        self.items = items
        self.decisions = decisions
        self.counts = counts
        self.members = members
        self.curatorAgreement = curatorAgreement
    }

    public func count(type: ItemType? = nil, status: ItemStatus? = nil) -> Int {
        counts.filter { type == nil || $0.key == type!.rawValue }.values.reduce(0) { total, byStatus in
            total + byStatus.filter { status == nil || $0.key == status!.rawValue }.values.reduce(0, +)
        }
    }
}

/// How one ensemble member fared over the items' current candidate sets that have a consensus.
public struct MemberStats: Sendable, Equatable, Encodable {
    public var member: String
    /// Candidate sets the member took part in.
    public var candidates: Int
    /// Sets whose consensus chose the member's candidate, or a candidate whose normalised text
    /// is the member's (a tie that went to a lower position is shared).
    public var consensusWins: Int
    /// Curated items (accepted, overridden, edited) the member took part in.
    public var curatedItems: Int
    /// Curated items whose output is the member's candidate (accepted or overridden to it).
    public var curatorPicks: Int
    /// Items a human decided (see `CuratorAgreement`) whose consensus chose the member's candidate.
    public var humanDecidedWins = 0
    /// Of those, how many the human overrode to another candidate, edited or rejected.
    public var overriddenWins = 0
    /// Candidate sets the member took part in whose item was discarded.
    public var discardedSets = 0

    /// `overriddenWins / humanDecidedWins`: how often a human undid the member's wins.
    public var overrideRate: Double? { humanDecidedWins == 0 ? nil : Double(overriddenWins) / Double(humanDecidedWins) }
    /// `discardedSets / candidates`.
    public var discardShare: Double? { candidates == 0 ? nil : Double(discardedSets) / Double(candidates) }

    public var consensusWinRate: Double? { candidates == 0 ? nil : Double(consensusWins) / Double(candidates) }
    public var curatorPickRate: Double? { curatedItems == 0 ? nil : Double(curatorPicks) / Double(curatedItems) }

    public init(member: String, candidates: Int, consensusWins: Int, curatedItems: Int, curatorPicks: Int) {
        self.member = member
        self.candidates = candidates
        self.consensusWins = consensusWins
        self.curatedItems = curatedItems
        self.curatorPicks = curatorPicks
    }

    enum CodingKeys: String, CodingKey {
        case member, candidates, consensusWins, curatedItems, curatorPicks, consensusWinRate, curatorPickRate
        case humanDecidedWins, overriddenWins, discardedSets, overrideRate, discardShare
    }

    /// The rates are written too, for readers of `quorum stats --json`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(member, forKey: .member)
        try container.encode(candidates, forKey: .candidates)
        try container.encode(consensusWins, forKey: .consensusWins)
        try container.encode(curatedItems, forKey: .curatedItems)
        try container.encode(curatorPicks, forKey: .curatorPicks)
        try container.encode(consensusWinRate, forKey: .consensusWinRate)
        try container.encode(curatorPickRate, forKey: .curatorPickRate)
        try container.encode(humanDecidedWins, forKey: .humanDecidedWins)
        try container.encode(overriddenWins, forKey: .overriddenWins)
        try container.encode(discardedSets, forKey: .discardedSets)
        try container.encode(overrideRate, forKey: .overrideRate)
        try container.encode(discardShare, forKey: .discardShare)
    }
}
