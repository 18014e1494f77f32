import QuorumCore
import QuorumEngine
import XCTest
@testable import QuorumSession
@testable import QuorumTUI

final class LiveEventMappingTests: XCTestCase {
    func testTheWorkbenchRunShowsItsCountAloneAndReranItemsTheirTarget() {
        XCTAssertEqual(LiveEvent(.progress(stored: 4, target: 10), runHasTarget: false), .progress(stored: 4, target: 0))
        XCTAssertEqual(LiveEvent(.progress(stored: 4, target: 10), runHasTarget: true), .progress(stored: 4, target: 10))
    }

    func testInstructionEventsAreNotShownAndStoredItemsDropTheirConsensus() {
        XCTAssertNil(LiveEvent(.instructionKept(type: .a, instruction: "x"), runHasTarget: false))
        let consensus = Consensus.decide(["a", "a"])
        XCTAssertEqual(
            LiveEvent(.itemStored(ticket: 2, itemID: 9, consensus: consensus), runHasTarget: false),
            .itemStored(ticket: 2, itemID: 9))
        XCTAssertEqual(
            LiveEvent(.instanceFiltered(ticket: 3, reason: .emptyOutput), runHasTarget: false), .instanceFiltered(ticket: 3))
    }

    func testMemberStatisticsBecomeTheStatusBarsEndpoints() {
        let statistics = LMMemberStatistics(
            member: "falcon-40b", inFlight: 2, errorsByKind: [.timedOut: 1, .httpStatus: 2], tokensPerSecond: 31.5)
        XCTAssertEqual(
            EndpointStatus(statistics), EndpointStatus(member: "falcon-40b", inFlight: 2, errors: 3, tokensPerSecond: 31.5))
    }
}
