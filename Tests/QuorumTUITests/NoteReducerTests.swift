import XCTest
@testable import QuorumStore
@testable import QuorumTUI

/// `n` outside a spot-check: a note on the item, which decides nothing.
final class NoteReducerTests: XCTestCase {
    private func press(_ keys: Key..., in state: inout WorkbenchState) -> [WorkbenchEffect] {
        keys.flatMap { Workbench.reduce(&state, .key($0)) }
    }

    private func type(_ text: String, in state: inout WorkbenchState) {
        for character in text { _ = Workbench.reduce(&state, .key(.character(character))) }
    }

    func testNAsksForANoteAndSendsItWithoutMovingOn() {
        var state = Fixtures.state()
        XCTAssertEqual(press(.character("n"), in: &state), [])
        XCTAssertEqual(state.overlay, .prompt(Prompt(.note(itemID: 1))))
        type("check units", in: &state)
        XCTAssertEqual(press(.enter, in: &state), [.decide(itemID: 1, .note("check units"))])
        XCTAssertEqual(state.queue.cursor, 0, "a note decides nothing: the cursor stays")
        XCTAssertNil(state.overlay)
    }

    func testAnEmptyNoteOrReasonIsRefusedWithAMessage() {
        var state = Fixtures.state()
        _ = press(.character("n"), .character(" "), in: &state)
        XCTAssertEqual(press(.enter, in: &state), [])
        XCTAssertEqual(state.overlay, .prompt(Prompt(.note(itemID: 1), text: " ")))
        XCTAssertEqual(state.status.message, StatusMessage("type the note (Esc to cancel)", .warning))
        _ = press(.escape, .character("x"), in: &state)
        XCTAssertEqual(press(.enter, in: &state), [])
        XCTAssertEqual(state.status.message?.severity, .warning)
        XCTAssertTrue(state.status.message!.text.contains("a reason is needed"))
    }

    func testARecordedNoteIsNotUndoneByUAndNotCountedAsADecision() {
        var state = Fixtures.state()
        let item = Fixtures.healthy
        let note = Decision(id: 9, itemID: 1, kind: .note, setID: item.candidateSet.id, candidate: nil, text: nil,
                            reason: nil, targetID: nil, curator: "ann", at: Fixtures.date, note: "check units")
        _ = Workbench.reduce(&state, .decisionRecorded(DecisionOutcome(decision: note, item: item)))
        XCTAssertEqual(state.undoTrail, [])
        XCTAssertEqual(state.progress.decisions, 0)
        XCTAssertEqual(state.status.message?.text, "note added to #1")
    }
}
