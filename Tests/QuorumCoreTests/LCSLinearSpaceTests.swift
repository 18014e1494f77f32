import XCTest
@testable import QuorumCore

/// Issue 12: the shared-token alignment in linear memory gives a longest common subsequence
/// as long as the (m+1)×(n+1) table's, on random inputs of every shape.
final class LCSLinearSpaceTests: XCTestCase {
    /// The table-based traceback the workbench used, kept here as the reference.
    private func byTable(_ a: [UInt32], _ b: [UInt32]) -> (a: [Int], b: [Int]) {
        let m = a.count, n = b.count
        if m == 0 || n == 0 { return ([], []) }
        let columns = n + 1
        var lengths = [Int32](repeating: 0, count: (m + 1) * columns)
        for i in stride(from: m - 1, through: 0, by: -1) {
            for j in stride(from: n - 1, through: 0, by: -1) {
                lengths[i * columns + j] = a[i] == b[j]
                    ? lengths[(i + 1) * columns + j + 1] + 1
                    : max(lengths[(i + 1) * columns + j], lengths[i * columns + j + 1])
            }
        }
        var inA: [Int] = [], inB: [Int] = []
        var i = 0, j = 0
        while i < m && j < n {
            if a[i] == b[j] {
                inA.append(i); inB.append(j); i += 1; j += 1
            } else if lengths[(i + 1) * columns + j] >= lengths[i * columns + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return (inA, inB)
    }

    private func assertCommonSubsequence(_ pairs: (a: [Int], b: [Int]), _ a: [UInt32], _ b: [UInt32], line: UInt = #line) {
        XCTAssertEqual(pairs.a.count, pairs.b.count, line: line)
        for k in pairs.a.indices {
            XCTAssertEqual(a[pairs.a[k]], b[pairs.b[k]], line: line)
            if k > 0 {
                XCTAssertLessThan(pairs.a[k - 1], pairs.a[k], line: line)
                XCTAssertLessThan(pairs.b[k - 1], pairs.b[k], line: line)
            }
        }
    }

    func testLinearSpaceEqualsTheTableOnRandomInputs() {
        var random = SeededRandom(seed: 12)
        for round in 0..<3_000 {
            let vocabulary = UInt32(1 + round % 7)
            let m = Int(random.next() % 40), n = Int(random.next() % 40)
            let a = (0..<m).map { _ in UInt32(random.next() % UInt64(vocabulary)) }
            let b = (0..<n).map { _ in UInt32(random.next() % UInt64(vocabulary)) }
            let table = byTable(a, b)
            let linear = LCSAlignment.linearSpaceCommonTokenIndices(a, b)
            XCTAssertEqual(linear.a.count, table.a.count, "round \(round): \(a) \(b)")
            assertCommonSubsequence(linear, a, b)
            XCTAssertEqual(LCSAlignment.commonTokenIndices(a, b).a, table.a, "small inputs keep the table's pairs")
        }
    }

    func testLargeInputsTakeTheLinearPathWithTheRightLength() {
        var random = SeededRandom(seed: 5)
        let a = (0..<3_000).map { _ in UInt32(random.next() % 50) }
        let b = (0..<3_000).map { _ in UInt32(random.next() % 50) }
        let result = LCSAlignment.commonTokenIndices(a, b)
        XCTAssertEqual(result.a.count, byTable(a, b).a.count)
        assertCommonSubsequence(result, a, b)
    }
}
