// QuorumStore/Log: The decision log: append-only decisions, and the item state derived from them in the same
// transaction.

/// The parts of a candidate set that an item's derived state depends on.
public struct CandidateSetSummary: Sendable, Equatable {
    public var id: Int64
    /// False while the set is streaming (no consensus recorded).
    public var isDecided: Bool
    public var choice: Int?
    /// Candidate texts by position; nil for a candidate that failed (it cannot be chosen).
    public var texts: [String?]

    public init(id: Int64, isDecided: Bool, choice: Int?, texts: [String?]) {
        self.id = id
        self.isDecided = isDecided
        self.choice = choice
        self.texts = texts
    }

    public init(id: Int64, _ new: NewCandidateSet) {
        self.init(
            id: id, isDecided: new.consensus != nil, choice: new.consensus?.choice,
            texts: new.candidates.map { $0.error == nil ? $0.text : nil })
    }

    func usableText(at position: Int?) -> String? {
        guard let position, texts.indices.contains(position) else { return nil }
        return texts[position]
    }
}
