/// Where an item stands, as derived from its candidate sets and decision log.
public enum ItemStatus: String, Sendable, Codable, CaseIterable, Comparable {
    /// Candidates are still arriving: the current set has no consensus yet.
    case streaming
    /// The consensus chose a candidate; no curator decision applies yet.
    case pending
    case accepted
    case overridden
    case edited
    case rejected
    /// The consensus produced no choice and no curator decision applies.
    case discarded

    /// The statuses whose output a curator has vouched for: the default export.
    public static let curated: [ItemStatus] = [.accepted, .overridden, .edited]
    /// The statuses of the review queue.
    public static let awaitingReview: [ItemStatus] = [.pending, .streaming]

    public static func < (lhs: ItemStatus, rhs: ItemStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
