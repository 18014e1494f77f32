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

    func usableText(at position: Int?) -> String? {
        guard let position, texts.indices.contains(position) else { return nil }
        return texts[position]
    }
}
