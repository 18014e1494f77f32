import XCTest
@testable import QuorumCore

final class BitParallelLCSTests: XCTestCase {
    func testAgreesWithDynamicProgrammingAcrossWordBoundaries() {
        var random = SeededGenerator(seed: 7)
        var lcs = BitParallelLCS()
        for round in 0..<3000 {
            let alphabet = UInt32([2, 4, 16, 300][round % 4])
            let lengths = [0, 1, 63, 64, 65, 127, 128, 129, 200, 300]
            let m = round % 7 == 0 ? lengths.randomElement(using: &random)! : Int.random(in: 0...140, using: &random)
            let n = Int.random(in: 0...140, using: &random)
            let a = (0..<m).map { _ in UInt32.random(in: 0..<alphabet, using: &random) * 3 }
            let b = (0..<n).map { _ in UInt32.random(in: 0..<alphabet, using: &random) * 3 }
            lcs.load(a)
            XCTAssertEqual(lcs.length(against: b), ReferenceAlgorithms.lcsLength(a, b), "m=\(m) n=\(n) round \(round)")
        }
    }

    func testReloadingForgetsThePreviousPattern() {
        var lcs = BitParallelLCS()
        lcs.load([1, 2, 3])
        lcs.load([4, 5])
        XCTAssertEqual(lcs.length(against: [1, 2, 3]), 0)
        XCTAssertEqual(lcs.length(against: [4, 9, 5]), 2)
    }

    func testTokensUnknownToThePatternAreIgnored() {
        var lcs = BitParallelLCS()
        lcs.load([1])
        XCTAssertEqual(lcs.length(against: [1_000_000, 1]), 1)
    }
}
