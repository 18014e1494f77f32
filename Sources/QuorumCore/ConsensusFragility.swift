/// How fragile a consensus decision is: 0 when every other candidate says the same as the
/// choice, towards 1 when the members disagree and the choice barely won.
///
///     fragility = (1 − margin / (n − 1)) × (1 − mean Rouge-L F of the others to the choice)
///
/// Both factors are means over the other n − 1 candidates, so a 3-member and a 6-member
/// ensemble compare. Under the exact rule the agreeing texts tie (margin 0) and the second
/// factor alone counts how many disagree and how far they are; under the Rouge-L rule a
/// clear winner and near-identical texts both make a decision safe. Nil when nothing was
/// chosen (a discarded set); 1 for a lone candidate, which nobody confirmed.
extension ConsensusResult {
    public var fragility: Double? {
        guard let choice, matrix.indices.contains(choice) else { return nil }
        let others = matrix.count - 1
        guard others > 0 else { return 1 }
        var agreement = 0.0
        for column in matrix.indices where column != choice { agreement += matrix[choice][column] }
        let sharedWin = 1 - min(max(margin / Double(others), 0), 1)
        let dissent = 1 - min(max(agreement / Double(others), 0), 1)
        return sharedWin * dissent
    }

    /// How many candidates have the choice's text (itself included), under the exact rule.
    public var agreeing: Int? {
        guard rule == .exact, let choice, matrix.indices.contains(choice) else { return nil }
        return matrix[choice].filter { $0 >= 1 }.count
    }
}
