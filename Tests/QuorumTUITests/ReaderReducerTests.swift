import XCTest
@testable import QuorumStore
@testable import QuorumTUI

final class ReaderReducerTests: XCTestCase {
    private func press(_ keys: Key..., in state: inout WorkbenchState) -> [WorkbenchEffect] {
        keys.flatMap { Workbench.reduce(&state, .key($0)) }
    }

    func testVOpensTheReaderOnTheConsensusChoice() {
        let state = ReaderFixtures.reading(size: Size(width: 80, height: 24))
        XCTAssertEqual(ReaderFixtures.reader(state), ReaderView(itemID: 2, shown: 0))
    }

    func testScrollingStaysWithinTheText() {
        var state = ReaderFixtures.reading(size: Size(width: 80, height: 24))
        _ = press(.character("k"), in: &state)
        XCTAssertEqual(ReaderFixtures.reader(state)?.scroll, 0)
        _ = press(.character("j"), .character("j"), in: &state)
        XCTAssertEqual(ReaderFixtures.reader(state)?.scroll, 2)
        _ = press(.character("G"), in: &state)
        let bottom = ReaderFixtures.reader(state)!.scroll
        XCTAssertGreaterThan(bottom, 2)
        _ = press(.character("j"), .pageDown, .end, in: &state)
        XCTAssertEqual(ReaderFixtures.reader(state)?.scroll, bottom, "nothing scrolls past the end")
        _ = press(.character("k"), in: &state)
        XCTAssertEqual(ReaderFixtures.reader(state)?.scroll, bottom - 1)
        _ = press(.pageUp, .pageUp, .pageUp, in: &state)
        XCTAssertEqual(ReaderFixtures.reader(state)?.scroll, 0)
        _ = press(.pageDown, in: &state)
        XCTAssertGreaterThan(ReaderFixtures.reader(state)!.scroll, 5)
        _ = press(.character("g"), in: &state)
        XCTAssertEqual(ReaderFixtures.reader(state)?.scroll, 0)
    }

    func testTheWheelScrollsTheReaderNotTheQueue() {
        var state = ReaderFixtures.reading(size: Size(width: 80, height: 24))
        let cursor = state.queue.cursor
        _ = Workbench.reduce(&state, .key(.mouse(MouseEvent(.wheelDown, at: Point(x: 10, y: 10)))))
        XCTAssertEqual(ReaderFixtures.reader(state)?.scroll, 3)
        _ = Workbench.reduce(&state, .key(.mouse(MouseEvent(.wheelUp, at: Point(x: 10, y: 10)))))
        XCTAssertEqual(ReaderFixtures.reader(state)?.scroll, 0)
        XCTAssertEqual(state.queue.cursor, cursor)
    }

    func testDigitsShowAnotherCandidate() {
        var state = ReaderFixtures.reading(size: Size(width: 80, height: 24))
        _ = press(.character("2"), in: &state)
        XCTAssertEqual(ReaderFixtures.reader(state)?.shown, 2)
        XCTAssertEqual(press(.character("7"), in: &state), [])
        XCTAssertEqual(ReaderFixtures.reader(state)?.shown, 2)
        XCTAssertTrue(state.status.message!.text.contains("no candidate 7"))
    }

    func testDTogglesAWordDiffAgainstTheChoice() {
        var state = ReaderFixtures.reading(size: Size(width: 80, height: 24))
        _ = press(.character("1"), .character("d"), in: &state)
        let diff = ReaderFixtures.reader(state)!.diff!
        XCTAssertTrue(ReaderFixtures.reader(state)!.showsDiff)
        XCTAssertTrue(diff.runs.contains { $0.kind == .deleted })
        XCTAssertTrue(diff.runs.contains { $0.kind == .inserted })
        _ = press(.character("2"), in: &state)
        XCTAssertNotEqual(ReaderFixtures.reader(state)!.diff, diff, "another candidate, another diff")
        _ = press(.character("d"), in: &state)
        XCTAssertFalse(ReaderFixtures.reader(state)!.showsDiff)
        XCTAssertNil(ReaderFixtures.reader(state)!.diff)
    }

    func testSideBySideNeedsAHundredAndTwentyColumns() {
        var narrow = ReaderFixtures.reading(size: Size(width: 100, height: 30))
        _ = press(.character("s"), in: &narrow)
        XCTAssertFalse(ReaderFixtures.reader(narrow)!.sideBySide)
        XCTAssertTrue(narrow.status.message!.text.contains("needs 120 columns"))
        var wide = ReaderFixtures.reading(size: Size(width: 120, height: 40))
        _ = press(.character("s"), in: &wide)
        XCTAssertTrue(ReaderFixtures.reader(wide)!.sideBySide)
    }

    func testTTakesTheShownCandidateAsItsDigitWouldAndCloses() {
        var state = ReaderFixtures.reading(size: Size(width: 80, height: 24))
        let cursor = state.queue.cursor
        let effects = press(.character("1"), .character("t"), in: &state)
        XCTAssertEqual(effects.first, .decide(itemID: 2, .override(candidate: 1)))
        XCTAssertNil(state.overlay)
        XCTAssertEqual(state.queue.cursor, cursor + 1, "the main view moves on, as after a digit")
        var choice = ReaderFixtures.reading(size: Size(width: 80, height: 24))
        XCTAssertEqual(press(.character("t"), in: &choice).first, .decide(itemID: 2, .accept))
    }

    func testTRefusesAnUnusableCandidateAndStaysOpen() {
        var state = Fixtures.state(items: [Fixtures.failing])
        _ = press(.character("v"), .character("1"), in: &state)
        XCTAssertEqual(press(.character("t"), in: &state), [])
        XCTAssertNotNil(ReaderFixtures.reader(state))
        XCTAssertTrue(state.status.message!.text.contains("no usable text"))
    }

    func testEscapeAndQClose() {
        for key in [Key.escape, .character("q"), .character("v")] {
            var state = ReaderFixtures.reading(size: Size(width: 80, height: 24))
            XCTAssertEqual(press(key, in: &state), [])
            XCTAssertNil(state.overlay)
            XCTAssertFalse(state.isQuitting)
        }
    }

    func testIFoldsTheInstructionAwayAndTheTextGetsTheRows() {
        var state = ReaderFixtures.reading(size: Size(width: 80, height: 24))
        let item = state.details[2]!
        let before = ReaderPage(ReaderFixtures.reader(state)!, item: item, viewport: state.viewport, markers: false)
        _ = press(.character("i"), in: &state)
        let view = ReaderFixtures.reader(state)!
        XCTAssertTrue(view.hidesPrompt)
        let after = ReaderPage(view, item: item, viewport: state.viewport, markers: false)
        XCTAssertGreaterThan(after.body.height, before.body.height)
    }

    func testVWaitsForALoadingItem() {
        var state = Fixtures.state(items: ReaderFixtures.queue, cursor: 1)
        state.details[2] = nil
        XCTAssertEqual(press(.character("v"), in: &state), [])
        XCTAssertNil(state.overlay)
        XCTAssertEqual(state.queuedKeys, [.character("v")])
        _ = Workbench.reduce(&state, .itemLoaded(ReaderFixtures.long))
        XCTAssertEqual(ReaderFixtures.reader(state)?.itemID, 2)
    }

    func testOtherKeysSayWhatTheReaderTakes() {
        var state = ReaderFixtures.reading(size: Size(width: 80, height: 24))
        XCTAssertEqual(press(.character("a"), in: &state), [])
        XCTAssertNotNil(state.overlay)
        XCTAssertTrue(state.status.message!.text.contains("q closes it"))
    }
}
