/// The N×N pairwise Rouge-L F matrix of a candidate set. F is symmetric, so each
/// unordered pair is computed once; the diagonal is 1.
public enum RougeMatrix {
    public static func compute(_ tokenLists: [[UInt32]]) -> [[Double]] {
        var lcs = BitParallelLCS()
        return compute(tokenLists, using: &lcs)
    }

    public static func compute(_ tokenLists: [[UInt32]], using lcs: inout BitParallelLCS) -> [[Double]] {
        let count = tokenLists.count
        var matrix = [[Double]](repeating: [Double](repeating: 1, count: count), count: count)
        for row in 0..<count {
            guard row + 1 < count else { break }
            lcs.load(tokenLists[row])
            for column in (row + 1)..<count {
                let value = RougeL.fMeasure(
                    lcs: lcs.length(against: tokenLists[column]),
                    targetLength: tokenLists[row].count,
                    predictionLength: tokenLists[column].count)
                matrix[row][column] = value
                matrix[column][row] = value
            }
        }
        return matrix
    }
}
