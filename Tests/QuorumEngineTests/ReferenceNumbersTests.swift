import XCTest
@testable import QuorumEngine

/// The defaults are the Ensemble-Instruct reference's numbers (DESIGN.md section 1).
final class ReferenceNumbersTests: XCTestCase {
    func testDefaultsAreTheReferenceNumbers() {
        let generation = GenerationConfig()
        XCTAssertEqual([generation.instructionDemonstrationsA, generation.machineDemonstrationsA], [24, 4])
        XCTAssertEqual([generation.instructionDemonstrationsB, generation.machineDemonstrationsB], [10, 4])
        XCTAssertEqual([generation.instanceDemonstrationsA, generation.instanceDemonstrationsB], [18, 15])
        XCTAssertEqual(generation.instructionTokens, TokenBudget(maximum: 256, minimum: 15))
        XCTAssertEqual(generation.instanceTokens, TokenBudget(maximum: 512, minimum: 50))
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
