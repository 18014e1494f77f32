extension LCSAlignment {
    /// `commonTokenIndices` in linear memory (Hirschberg, 1975): two rows of lengths instead
    /// of the (m+1)×(n+1) table, and about twice the time. Gives one longest common
    /// subsequence; where several exist it may pick another than the table's traceback.
    public static func linearSpaceCommonTokenIndices(_ a: [UInt32], _ b: [UInt32]) -> (a: [Int], b: [Int]) {
        var inA: [Int] = []
        var inB: [Int] = []
        var forward = [Int32](repeating: 0, count: b.count + 1)
        var backward = [Int32](repeating: 0, count: b.count + 1)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                split(a, 0..<a.count, b, 0..<b.count, &forward, &backward, &inA, &inB)
            }
        }
        return (inA, inB)
    }

    private static func split(
        _ a: UnsafeBufferPointer<UInt32>, _ rows: Range<Int>, _ b: UnsafeBufferPointer<UInt32>, _ columns: Range<Int>,
        _ forward: inout [Int32], _ backward: inout [Int32], _ inA: inout [Int], _ inB: inout [Int]
    ) {
        var rows = rows
        var columns = columns
        // Common ends first: they belong to every longest subsequence's choice here.
        var head: [(Int, Int)] = []
        while let i = rows.first, let j = columns.first, a[i] == b[j] {
            head.append((i, j))
            rows = rows.dropFirst()
            columns = columns.dropFirst()
        }
        for (i, j) in head {
            inA.append(i)
            inB.append(j)
        }
        var tail: [(Int, Int)] = []
        while let i = rows.last, let j = columns.last, a[i] == b[j] {
            tail.append((i, j))
            rows = rows.dropLast()
            columns = columns.dropLast()
        }
        defer {
            for (i, j) in tail.reversed() {
                inA.append(i)
                inB.append(j)
            }
        }
        if rows.isEmpty || columns.isEmpty { return }
        if rows.count == 1 {
            let i = rows.lowerBound
            if let j = columns.first(where: { b[$0] == a[i] }) {
                inA.append(i)
                inB.append(j)
            }
            return
        }
        let middle = rows.lowerBound + rows.count / 2
        // forward[k]: LCS of a[rows.lowerBound..<middle] and b[columns.lowerBound..<columns.lowerBound+k].
        let width = columns.count
        for k in 0...width { forward[k] = 0 }
        for i in rows.lowerBound..<middle {
            var diagonal: Int32 = 0
            for k in 1...width {
                let above = forward[k]
                forward[k] = a[i] == b[columns.lowerBound + k - 1] ? diagonal + 1 : max(above, forward[k - 1])
                diagonal = above
            }
        }
        // backward[k]: LCS of a[middle..<rows.upperBound] and b[columns.lowerBound+k..<columns.upperBound].
        for k in 0...width { backward[k] = 0 }
        for i in stride(from: rows.upperBound - 1, through: middle, by: -1) {
            var diagonal: Int32 = 0
            for k in stride(from: width - 1, through: 0, by: -1) {
                let below = backward[k]
                backward[k] = a[i] == b[columns.lowerBound + k] ? diagonal + 1 : max(below, backward[k + 1])
                diagonal = below
            }
        }
        var best = 0
        var bestSum: Int32 = -1
        for k in 0...width where forward[k] + backward[k] > bestSum {
            bestSum = forward[k] + backward[k]
            best = k
        }
        let cut = columns.lowerBound + best
        split(a, rows.lowerBound..<middle, b, columns.lowerBound..<cut, &forward, &backward, &inA, &inB)
        split(a, middle..<rows.upperBound, b, cut..<columns.upperBound, &forward, &backward, &inA, &inB)
    }
}
