// QuorumEngine/Pipeline: The Ensemble-Instruct pipeline: instruction and instance prompts, filters, the ensemble's
// outputs, consensus, and the events each step reports.

import QuorumCore

/// The consensus over the candidates that were produced; failed members take no part, and
/// their rows of the matrix are 0 with a score of 0, so indices still match the candidates.
enum CandidateSetConsensus {
    static func decide(_ texts: [String?], minAgreement: Double, tokenizer: inout RougeTokenizer) -> ConsensusResult {
        let present = texts.indices.filter { texts[$0] != nil }
        let result = present.count >= 2
            ? Consensus.decide(present.map { texts[$0]! }, minAgreement: minAgreement, tokenizer: &tokenizer)
            : ConsensusResult(
                choice: nil, rule: .rouge, scores: Array(repeating: 0, count: present.count), margin: 0,
                matrix: present.map { _ in [1] }, discard: .noAgreement)
        guard present.count < texts.count else { return result }
        let count = texts.count
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: count), count: count)
        var scores = [Double](repeating: 0, count: count)
        for (row, original) in present.enumerated() {
            scores[original] = result.scores[row]
            for (column, other) in present.enumerated() { matrix[original][other] = result.matrix[row][column] }
        }
        for index in 0..<count where texts[index] == nil { matrix[index][index] = 1 }
        return ConsensusResult(
            choice: result.choice.map { present[$0] }, rule: result.rule, scores: scores, margin: result.margin,
            matrix: matrix, discard: result.discard)
    }
}
