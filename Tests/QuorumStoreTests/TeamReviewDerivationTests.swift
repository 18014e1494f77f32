import Foundation
import XCTest
@testable import QuorumStore

/// The team derivation on hand-made logs: one review per item is today's derivation, an accept
/// and an override of the same candidate agree, undone reviews do not count.
final class TeamReviewDerivationTests: XCTestCase {
    private let set = CandidateSetSummary(id: 10, isDecided: true, choice: 0, texts: ["chat", "le chat", nil])

    private func event(_ id: Int64, _ kind: DecisionKind, by curator: String, candidate: Int? = nil, target: Int64? = nil) -> Decision {
        Decision(
            id: id, itemID: 1, kind: kind, setID: kind == .undo ? nil : 10, candidate: candidate, text: nil, reason: nil,
            targetID: target, curator: curator, at: .distantPast, note: nil, batchID: nil)
    }

    private func derive(_ log: [Decision], _ policy: TeamPolicy) -> ReviewedItemState {
        TeamReviewDerivation.derive(initialSetID: 10, sets: [10: set], log: log, policy: policy)
    }

    func testOneReviewPerItemIsTheSingleCuratorsDerivation() {
        let logs: [[Decision]] = [
            [],
            [event(1, .accept, by: "ana", candidate: 0)],
            [event(1, .accept, by: "ana", candidate: 0), event(2, .reject, by: "bo")],
            [event(1, .override, by: "ana", candidate: 1), event(2, .undo, by: "ana", target: 1)],
        ]
        for log in logs {
            let plain = ItemStateDerivation.derive(initialSetID: 10, sets: [10: set], log: log)
            XCTAssertEqual(derive(log, .single).state, plain)
            XCTAssertFalse(derive(log, .single).contested)
        }
    }

    func testAnAcceptAndAnOverrideOfTheSameCandidateAgree() {
        let log = [event(1, .accept, by: "ana", candidate: 0), event(2, .override, by: "bo", candidate: 0)]
        let reviewed = derive(log, TeamPolicy(reviewsPerItem: 2, resolution: .unanimous))
        XCTAssertFalse(reviewed.contested)
        XCTAssertEqual(reviewed.state.output, "chat")
        XCTAssertEqual(reviewed.reviewers, ["ana", "bo"])
    }

    func testAnUndoneReviewDoesNotCountAndALaterOneReplacesTheCuratorsFirst() {
        let policy = TeamPolicy(reviewsPerItem: 2, resolution: .unanimous)
        let undone = [event(1, .reject, by: "ana"), event(2, .undo, by: "ana", target: 1), event(3, .accept, by: "bo", candidate: 0)]
        XCTAssertEqual(derive(undone, policy).reviewers, ["bo"])
        XCTAssertEqual(derive(undone, policy).state.status, .pending)
        let changed = [event(1, .reject, by: "ana"), event(2, .accept, by: "bo", candidate: 0), event(3, .accept, by: "ana", candidate: 0)]
        XCTAssertEqual(derive(changed, policy).state.status, .accepted, "ana's later review did not replace her first")
        XCTAssertEqual(derive(changed, policy).reviewers.count, 2)
    }

    func testMajorityNeedsMoreThanHalfAndTheLeadOutweighsTheOthers() {
        let split = [event(1, .reject, by: "ana"), event(2, .accept, by: "bo", candidate: 0)]
        XCTAssertTrue(derive(split, TeamPolicy(reviewsPerItem: 2, resolution: .majority)).contested)
        let lead = derive(split, TeamPolicy(reviewsPerItem: 2, resolution: .lead("ana")))
        XCTAssertEqual(lead.state.status, .rejected)
        XCTAssertFalse(lead.contested)
        let withoutLead = derive(split, TeamPolicy(reviewsPerItem: 2, resolution: .lead("cy")))
        XCTAssertTrue(withoutLead.contested)
        XCTAssertEqual(withoutLead.state.status, .pending)
    }
}
