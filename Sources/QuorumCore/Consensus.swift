/// The consensus rule of DESIGN.md section 1, step 4: exact match of normalised texts
/// first, otherwise the candidate with the highest sum of pairwise Rouge-L F
/// (Porter stemmer), discarding sets whose least similar pair is at or below
/// `minAgreement` and choices that are empty once stripped.
public enum Consensus {
    public static let defaultMinAgreement = 0.01

    public static func decide(_ candidates: [String], minAgreement: Double = defaultMinAgreement) -> ConsensusResult {
        var tokenizer = RougeTokenizer()
        return decide(candidates, minAgreement: minAgreement, tokenizer: &tokenizer)
    }

    /// Reuses `tokenizer`'s vocabulary and stem cache across many decisions.
    public static func decide(
        _ candidates: [String], minAgreement: Double, tokenizer: inout RougeTokenizer
    ) -> ConsensusResult {
        let normalized = candidates.map(ConsensusText.normalize)
        let tokens = normalized.map { tokenizer.tokenIDs($0, stem: true) }
        let matrix = RougeMatrix.compute(tokens)
        let scores = rowSums(matrix)
        let margin = marginOfBest(scores)

        var choice: Int?
        var rule = ConsensusRule.rouge
        var discard: ConsensusDiscard?
        if let exact = exactMatch(normalized) {
            choice = exact
            rule = .exact
        } else if candidates.isEmpty {
            discard = .noAgreement
        } else if candidates.count >= 2 && minimumOffDiagonal(matrix) <= minAgreement {
            discard = .noAgreement
        } else {
            choice = argmax(scores)
        }
        if let chosen = choice, ConsensusText.isBlank(candidates[chosen]) {
            choice = nil
            discard = .emptyChoice
        }
        return ConsensusResult(
            choice: choice, rule: rule, scores: scores, margin: margin, matrix: matrix, discard: discard)
    }

    /// The first candidate of the non-empty normalised text shared by the most candidates
    /// (at least two); ties go to the text that occurs first.
    static func exactMatch(_ normalized: [String]) -> Int? {
        var firstIndex: [[UInt8]: Int] = [:]
        var counts: [Int] = Array(repeating: 0, count: normalized.count)
        for (index, text) in normalized.enumerated() where !text.isEmpty {
            let key = Array(text.utf8)
            let first = firstIndex[key] ?? index
            firstIndex[key] = first
            counts[first] += 1
        }
        var best: Int?
        for index in counts.indices where counts[index] >= 2 {
            if best == nil || counts[index] > counts[best!] { best = index }
        }
        return best
    }

    static func rowSums(_ matrix: [[Double]]) -> [Double] {
        matrix.indices.map { row in
            var sum = 0.0
            for column in matrix.indices where column != row { sum += matrix[row][column] }
            return sum
        }
    }

    static func marginOfBest(_ scores: [Double]) -> Double {
        guard scores.count >= 2 else { return 0 }
        let sorted = scores.sorted()
        return sorted[sorted.count - 1] - sorted[sorted.count - 2]
    }

    static func minimumOffDiagonal(_ matrix: [[Double]]) -> Double {
        var minimum = Double.infinity
        for row in matrix.indices {
            for column in (row + 1)..<matrix.count { minimum = min(minimum, matrix[row][column]) }
        }
        return minimum
    }

    static func argmax(_ scores: [Double]) -> Int {
        var best = 0
        for index in scores.indices where scores[index] > scores[best] { best = index }
        return best
    }
}
