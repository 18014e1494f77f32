import QuorumCore
import XCTest
@testable import QuorumStore
@testable import QuorumTUI

final class ReducerDecisionTests: XCTestCase {
    private func press(_ keys: Key..., in state: inout WorkbenchState) -> [WorkbenchEffect] {
        keys.flatMap { Workbench.reduce(&state, .key($0)) }
    }

    func testAcceptWritesTheConsensusAndMovesOn() {
        var state = Fixtures.state()
        let effects = press(.character("a"), in: &state)
        XCTAssertEqual(effects.first, .decide(itemID: 1, .accept))
        XCTAssertEqual(state.queue.cursor, 1)
        XCTAssertTrue(state.queue.rows[0].isWriting)
        XCTAssertEqual(state.pendingWrites, 1)
    }

    func testEnterAcceptsToo() {
        var state = Fixtures.state()
        XCTAssertEqual(press(.enter, in: &state).first, .decide(itemID: 1, .accept))
    }

    func testAcceptRefusesAnItemWithoutAChoice() {
        var state = Fixtures.state(cursor: Fixtures.index(of: 5))
        XCTAssertEqual(state.selectedItem?.status, .discarded)
        XCTAssertEqual(press(.character("a"), in: &state), [])
        XCTAssertEqual(state.status.message?.severity, .warning)
        XCTAssertTrue(state.status.message!.text.contains("no agreement"))
    }

    func testAcceptOnAnAcceptedItemOnlyMovesOn() {
        var state = Fixtures.state(cursor: Fixtures.index(of: 7))
        let effects = press(.character("a"), in: &state)
        XCTAssertFalse(effects.contains { if case .decide = $0 { return true } else { return false } })
        XCTAssertEqual(state.queue.cursor, Fixtures.index(of: 7) + 1)
    }

    func testADigitOverridesWithThatCandidate() {
        var state = Fixtures.state()
        XCTAssertEqual(press(.character("2"), in: &state).first, .decide(itemID: 1, .override(candidate: 2)))
    }

    func testTheChoicesDigitAccepts() {
        var state = Fixtures.state()
        let choice = state.selectedItem!.choice!
        XCTAssertEqual(press(.character(Character(String(choice))), in: &state).first, .decide(itemID: 1, .accept))
    }

    func testDigitsOutOfRangeOrUnusableAreRefused() {
        var state = Fixtures.state()
        XCTAssertEqual(press(.character("7"), in: &state), [])
        XCTAssertTrue(state.status.message!.text.contains("no candidate 7"))
        var failing = Fixtures.state(cursor: Fixtures.index(of: 10))
        XCTAssertEqual(press(.character("1"), in: &failing), [])
        XCTAssertTrue(failing.status.message!.text.contains("no usable text"))
    }

    func testDigitsTakeACandidateOfADiscardedItem() {
        var state = Fixtures.state(cursor: Fixtures.index(of: 5))
        XCTAssertEqual(press(.character("1"), in: &state).first, .decide(itemID: 5, .override(candidate: 1)))
    }

    func testEditOpensTheEditorOnTheChosenText() {
        var state = Fixtures.state()
        let item = state.selectedItem!
        XCTAssertEqual(press(.character("e"), in: &state),
                       [.openEditor(itemID: 1, text: item.candidates[item.choice!].text.original, basedOn: item.choice)])
        var edited = Fixtures.state(cursor: Fixtures.index(of: 9))
        guard case .openEditor(9, let text, _) = press(.character("e"), in: &edited).first else {
            return XCTFail("no editor for the edited item")
        }
        XCTAssertTrue(text.hasPrefix("Soft rain"))
    }

    func testEditorResultsBecomeEdits() {
        var state = Fixtures.state()
        XCTAssertEqual(Workbench.reduce(&state, .editorFinished(itemID: 1, basedOn: 0, text: "Better text.")).first,
                       .decide(itemID: 1, .edit(text: "Better text.", basedOn: 0)))
        var cancelled = Fixtures.state()
        XCTAssertEqual(Workbench.reduce(&cancelled, .editorFinished(itemID: 1, basedOn: 0, text: nil)), [])
        let unchanged = cancelled.details[1]!.candidates[0].text.original
        XCTAssertEqual(Workbench.reduce(&cancelled, .editorFinished(itemID: 1, basedOn: 0, text: unchanged)), [])
        XCTAssertEqual(Workbench.reduce(&cancelled, .editorFinished(itemID: 1, basedOn: 0, text: "  \n")), [])
    }

    func testRejectAsksForAReasonThenWritesIt() {
        var state = Fixtures.state()
        XCTAssertEqual(press(.character("x"), in: &state), [.loadRejectReasons])
        XCTAssertEqual(state.overlay, .prompt(Prompt(.rejectReason(itemID: 1))))
        _ = press(.enter, in: &state)
        XCTAssertNotNil(state.overlay, "an empty reason keeps the prompt open")
        _ = press(.character("d"), .character("u"), .character("p"), .backspace, .character("p"), in: &state)
        XCTAssertEqual(press(.enter, in: &state).first, .decide(itemID: 1, .reject(reason: "dup")))
        XCTAssertNil(state.overlay)
    }

    func testEscapeCancelsARejection() {
        var state = Fixtures.state()
        _ = press(.character("x"), .character("n"), .escape, in: &state)
        XCTAssertNil(state.overlay)
        XCTAssertEqual(state.pendingWrites, 0)
    }

    func testRerunKeysAskForRerunsOneAtATime() {
        var state = Fixtures.state()
        state.engine.isAttached = true
        let first = state.nextRerunTicket
        XCTAssertEqual(press(.character("r"), in: &state), [.rerun(itemID: 1, .outputs, ticket: first)])
        XCTAssertEqual(state.rerun(of: 1)?.input, state.details[1]?.input, "an outputs rerun keeps the input")
        XCTAssertEqual(press(.character("R"), in: &state), [], "one rerun at a time per item")
        XCTAssertEqual(state.status.message?.text, "#1 is being rerun; decide once its new candidates are in")
        XCTAssertEqual(press(.character("a"), in: &state), [], "no decision during a rerun")
        _ = Workbench.reduce(&state, .rerunEnded(ticket: first, itemID: 1, decisionID: nil, failure: "HTTP 500"))
        XCTAssertNil(state.rerun(of: 1))
        XCTAssertEqual(state.status.message, StatusMessage("the rerun of #1 failed: HTTP 500", .error))
        XCTAssertEqual(press(.character("R"), in: &state), [.rerun(itemID: 1, .instance, ticket: first + 1)])
        XCTAssertNil(state.rerun(of: 1)?.input, "an instance rerun waits for its new input")
    }

    func testRerunsNeedTheEngine() {
        var state = Fixtures.state()
        XCTAssertEqual(press(.character("r"), in: &state), [])
        XCTAssertEqual(state.status.message?.severity, .warning)
        XCTAssertEqual(press(.character("p"), in: &state), [], "nothing to pause either")
    }

    func testUndoCancelsTheSessionsLastDecisionFirst() {
        var state = Fixtures.state()
        _ = press(.character("a"), in: &state)
        let outcome = DecisionOutcome(
            decision: Decision(id: 41, itemID: 1, kind: .accept, setID: 10, candidate: 0, text: nil, reason: nil,
                               targetID: nil, curator: "ann", at: Fixtures.date, note: nil),
            item: Fixtures.detail(1, instruction: "Give three tips for staying healthy.",
                                  texts: Fixtures.healthy.candidates.map(\.text), status: .accepted, chosen: 0))
        _ = Workbench.reduce(&state, .decisionRecorded(outcome))
        XCTAssertEqual(state.undoTrail, [DecisionReference(itemID: 1, decisionID: 41)])
        XCTAssertEqual(state.status.counts?[.accepted], 2)
        XCTAssertEqual(state.queue.rows[0].status, .accepted)
        XCTAssertFalse(state.queue.rows[0].isWriting)
        XCTAssertEqual(state.pendingWrites, 0)
        XCTAssertEqual(state.queue.cursor, 1)

        XCTAssertEqual(press(.character("u"), in: &state).first, .undo(itemID: 1, decisionID: 41))
        XCTAssertEqual(state.queue.cursor, 0, "undo goes back to the item")
        let undone = DecisionOutcome(
            decision: Decision(id: 42, itemID: 1, kind: .undo, setID: nil, candidate: nil, text: nil, reason: nil,
                               targetID: 41, curator: "ann", at: Fixtures.date, note: nil),
            item: Fixtures.healthy)
        _ = Workbench.reduce(&state, .decisionRecorded(undone))
        XCTAssertEqual(state.undoTrail, [])
        XCTAssertEqual(state.status.counts?[.accepted], 1)
        XCTAssertEqual(state.queue.rows[0].status, .pending)
    }

    /// Reads race the writes: a read of item 1 taken after its accept committed can arrive
    /// before the accept's own result, and one taken before it can arrive after. Neither
    /// moves the counts twice nor brings the old status back.
    func testReadsArrivingAroundADecisionKeepTheCountsRight() {
        var state = Fixtures.state()
        _ = press(.character("a"), in: &state)
        let texts = Fixtures.healthy.candidates.map(\.text)
        var committed = Fixtures.detail(1, instruction: "Give three tips for staying healthy.", texts: texts,
                                        status: .accepted, chosen: 0)
        committed.logPosition = 41
        _ = Workbench.reduce(&state, .itemLoaded(committed))
        XCTAssertEqual(state.status.counts?[.accepted], 1, "the decision's own result moves the counts")
        let outcome = DecisionOutcome(
            decision: Decision(id: 41, itemID: 1, kind: .accept, setID: 10, candidate: 0, text: nil, reason: nil,
                               targetID: nil, curator: "ann", at: Fixtures.date, note: nil),
            item: committed)
        _ = Workbench.reduce(&state, .decisionRecorded(outcome))
        XCTAssertEqual(state.status.counts?[.accepted], 2)
        XCTAssertEqual(state.status.counts?[.pending], Fixtures.state().status.counts![.pending] - 1)
        _ = Workbench.reduce(&state, .itemLoaded(Fixtures.healthy))
        XCTAssertEqual(state.queue.rows[0].status, .accepted, "a read from before the decision is too old")
        XCTAssertEqual(state.details[1]?.status, .accepted)
        XCTAssertEqual(state.status.counts?[.accepted], 2)
    }

    func testUndoWithoutASessionTrailUndoesTheSelectedItemsLatest() {
        var state = Fixtures.state(cursor: Fixtures.index(of: 7))
        XCTAssertEqual(press(.character("u"), in: &state), [.undo(itemID: 7, decisionID: nil)])
    }

    func testAFailedDecisionIsReportedAndTheRowFreed() {
        var state = Fixtures.state()
        _ = press(.character("a"), in: &state)
        _ = Workbench.reduce(&state, .decisionFailed(itemID: 1, message: "the store is locked"))
        XCTAssertFalse(state.queue.rows[0].isWriting)
        XCTAssertEqual(state.pendingWrites, 0)
        XCTAssertEqual(state.status.message, StatusMessage("the store is locked", .error))
    }

    func testARowBeingWrittenTakesNoSecondDecision() {
        var state = Fixtures.state()
        _ = press(.character("a"), .character("k"), in: &state)
        XCTAssertEqual(press(.character("a"), in: &state), [])
    }

    func testLiveItemsCannotBeDecided() {
        var state = Fixtures.state(filter: .awaitingReview)
        _ = state.apply(.itemStarted(ticket: 1, type: .b, instruction: "Name a colour."))
        _ = press(.character("G"), in: &state)
        guard case .live = state.selectedEntry else { return XCTFail("the live item is not selected") }
        XCTAssertEqual(press(.character("a"), in: &state), [])
        XCTAssertTrue(state.status.message!.text.contains("still being generated"))
    }
}
