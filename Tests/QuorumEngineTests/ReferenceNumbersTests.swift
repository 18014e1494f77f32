import XCTest
@testable import QuorumEngine

/// The defaults are the Ensemble-Instruct reference's numbers (DESIGN.md section 1).
final class ReferenceNumbersTests: XCTestCase {
    func testDefaultsAreTheReferenceNumbers() {
        let generation = GenerationConfig()
        XCTAssertEqual([generation.seedDemonstrationsA, generation.machineDemonstrationsA], [20, 4])
        XCTAssertEqual([generation.seedDemonstrationsB, generation.machineDemonstrationsB], [8, 2])
        XCTAssertEqual(generation.endMarker, " |EoS|")
        let filters = FilterConfig()
        XCTAssertEqual(filters.noveltyThreshold, 0.7)
        XCTAssertEqual(filters.minAgreement, 0.01)
        XCTAssertEqual([filters.maxWordsTooShort, filters.maxWords], [3, 150])
        let decoding = Decoding()
        XCTAssertEqual([decoding.temperature, decoding.topP], [0.7, 1])
        XCTAssertEqual(decoding.topK, 50)
        XCTAssertEqual(decoding.maxTokens, 256)
    }
}
