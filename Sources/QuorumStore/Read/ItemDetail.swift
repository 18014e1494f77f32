// QuorumStore/Read: Reading: items whole, queue pages as rows (by id or by margin), searches matched in SQL.

/// An item with its current candidate set: what the workbench shows for one item.
public struct ItemDetail: Sendable, Equatable {
    public var item: Item
    public var candidateSet: CandidateSet
    public var candidates: [Candidate]
}

/// A logged event and whether it still applies (it has not been undone).
public struct LoggedDecision: Sendable, Equatable {
    public var decision: Decision
    public var isActive: Bool

    public init(decision: Decision, isActive: Bool) {
        self.decision = decision
        self.isActive = isActive
    }
}
