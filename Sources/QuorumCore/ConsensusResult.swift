/// Which rule of the consensus decided an item.
public enum ConsensusRule: String, Sendable, Codable, CaseIterable {
    case exact
    case rouge
}

/// Why a candidate set produced no choice.
public enum ConsensusDiscard: String, Sendable, Codable, CaseIterable {
    /// The minimum pairwise Rouge-L F was at or below the agreement threshold.
    case noAgreement = "no_agreement"
    /// The winning candidate's text is empty once stripped.
    case emptyChoice = "empty_choice"
}

/// The outcome of the consensus over one candidate set.
public struct ConsensusResult: Sendable, Equatable, Codable {
    /// Index of the chosen candidate, or nil when the set is discarded.
    public var choice: Int?
    public var rule: ConsensusRule
    /// `scores[i]` is the sum of `matrix[i][j]` over `j != i`, in ascending `j`.
    public var scores: [Double]
    /// Best score minus second-best score (0 for fewer than two candidates).
    public var margin: Double
    /// Pairwise Rouge-L F (Porter stemmer) over the normalised texts; the diagonal is 1.
    public var matrix: [[Double]]
    public var discard: ConsensusDiscard?

    public init(
        choice: Int?, rule: ConsensusRule, scores: [Double], margin: Double,
        matrix: [[Double]], discard: ConsensusDiscard?
    ) {
        self.choice = choice
        self.rule = rule
        self.scores = scores
        self.margin = margin
        self.matrix = matrix
        self.discard = discard
    }
}
