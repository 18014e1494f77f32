/// Which tokens make up a longest common subsequence, not only how long it is: what the
/// workbench highlights as the words a candidate shares with the consensus choice.
///
/// A classic dynamic programme, O(m·n) time and space, for texts of a few hundred tokens;
/// beyond `tableCellLimit` cells, Hirschberg's method in linear memory (two 1 MB texts asked
/// the table for 104 GB). `BitParallelLCS` remains the way to get lengths fast.
public enum LCSAlignment {
    /// The largest table built: 1M cells, 4 MB.
    public static let tableCellLimit = 1 << 20

    /// Positions in `a` and in `b` of one longest common subsequence, ascending and paired:
    /// `a[result.a[k]] == b[result.b[k]]` for every k. The same inputs always give the same pairs.
    public static func commonTokenIndices(_ a: [UInt32], _ b: [UInt32]) -> (a: [Int], b: [Int]) {
        let m = a.count
        let n = b.count
        if m == 0 || n == 0 { return ([], []) }
        let (cells, overflow) = (m + 1).multipliedReportingOverflow(by: n + 1)
        if overflow || cells > tableCellLimit { return linearSpaceCommonTokenIndices(a, b) }
        // lengths[i][j]: LCS of a[i...] and b[j...], stored row-major in (m+1)×(n+1).
        let columns = n + 1
        var lengths = [Int32](repeating: 0, count: (m + 1) * columns)
        for i in stride(from: m - 1, through: 0, by: -1) {
            for j in stride(from: n - 1, through: 0, by: -1) {
                lengths[i * columns + j] = a[i] == b[j]
                    ? lengths[(i + 1) * columns + j + 1] + 1
                    : max(lengths[(i + 1) * columns + j], lengths[i * columns + j + 1])
            }
        }
        var inA: [Int] = []
        var inB: [Int] = []
        var i = 0
        var j = 0
        while i < m && j < n {
            if a[i] == b[j] {
                inA.append(i)
                inB.append(j)
                i += 1
                j += 1
            } else if lengths[(i + 1) * columns + j] >= lengths[i * columns + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return (inA, inB)
    }
}
