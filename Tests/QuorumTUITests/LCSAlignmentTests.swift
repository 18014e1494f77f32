import QuorumCore
import XCTest

final class LCSAlignmentTests: XCTestCase {
    func testIndicesPairEqualTokensInOrder() {
        let a: [UInt32] = [1, 2, 3, 4, 5, 6]
        let b: [UInt32] = [2, 9, 4, 6, 1]
        let common = LCSAlignment.commonTokenIndices(a, b)
        XCTAssertEqual(common.a.count, 3)
        XCTAssertEqual(common.a.map { a[$0] }, common.b.map { b[$0] })
        XCTAssertEqual(common.a.map { a[$0] }, [2, 4, 6])
    }

    func testEmptySidesShareNothing() {
        XCTAssertTrue(LCSAlignment.commonTokenIndices([], [1, 2]).a.isEmpty)
        XCTAssertTrue(LCSAlignment.commonTokenIndices([1, 2], []).b.isEmpty)
    }

    func testLengthMatchesTheBitParallelKernelOnRandomSequences() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<300 {
            let a = (0..<Int(random.next() % 90)).map { _ in UInt32(random.next() % 12) }
            let b = (0..<Int(random.next() % 90)).map { _ in UInt32(random.next() % 12) }
            var kernel = BitParallelLCS()
            kernel.load(a)
            let common = LCSAlignment.commonTokenIndices(a, b)
            XCTAssertEqual(common.a.count, kernel.length(against: b))
            XCTAssertEqual(common.a.count, common.b.count)
            XCTAssertEqual(common.a, common.a.sorted())
            XCTAssertEqual(Set(common.a).count, common.a.count)
            XCTAssertEqual(common.b, common.b.sorted())
            XCTAssertEqual(Set(common.b).count, common.b.count)
            XCTAssertEqual(common.a.map { a[$0] }, common.b.map { b[$0] })
        }
    }
}
