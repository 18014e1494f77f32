// QuorumStore/Read: Reading: items whole, queue pages as rows (by id or most fragile first), searches matched in SQL.

/// An item with its current candidate set: what the workbench shows for one item.
public struct ItemDetail: Sendable, Equatable {
    public var item: Item
    public var candidateSet: CandidateSet
    public var candidates: [Candidate]
    /// The id of the item's latest logged event (0 before any), read in the same snapshot:
    /// of two reads of one item, the one with the larger position is the newer.
    public var logPosition: Int64 = 0
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
