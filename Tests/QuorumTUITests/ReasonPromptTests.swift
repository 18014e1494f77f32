import XCTest
@testable import QuorumStore
@testable import QuorumTUI

/// The reason prompt offers the reasons given before (Tab completes them, most used first)
/// and refuses an empty reason with a message on the prompt's own line.
final class ReasonPromptTests: XCTestCase {
    private let reasons = ["needs an image 🖼", "off topic", "needs context", "答案不完整"]

    private func press(_ keys: Key..., in state: inout WorkbenchState) -> [WorkbenchEffect] {
        keys.flatMap { Workbench.reduce(&state, .key($0)) }
    }

    private func type(_ text: String, in state: inout WorkbenchState) {
        for character in text { _ = Workbench.reduce(&state, .key(.character(character))) }
    }

    private var prompt: (WorkbenchState) -> Prompt? = { state in
        if case .prompt(let prompt) = state.overlay { return prompt }
        return nil
    }

    func testTheReasonsGivenBeforeAreOfferedAndTabCompletesThem() {
        var state = Fixtures.state(Size(width: 80, height: 24))
        XCTAssertEqual(press(.character("x"), in: &state), [.loadRejectReasons])
        _ = Workbench.reduce(&state, .rejectReasonsLoaded(reasons))
        XCTAssertEqual(prompt(state)?.choices, reasons, "offered as the prompt opens, most used first")
        let offered = WorkbenchRenderer.render(state).textDump()
        XCTAssertTrue(offered.contains("Tab: needs an image 🖼 │ off topic"), offered)

        type("ne", in: &state)
        _ = press(.tab, in: &state)
        XCTAssertEqual(prompt(state)?.text, "needs ", "as far as the reasons agree")
        XCTAssertEqual(prompt(state)?.choices, ["needs an image 🖼", "needs context"])
        type("c", in: &state)
        _ = press(.tab, in: &state)
        XCTAssertEqual(prompt(state)?.text, "needs context")
        XCTAssertEqual(press(.enter, in: &state).first, .decide(itemID: 1, .reject(reason: "needs context")))
    }

    func testTabIgnoresCaseAndCompletesWideText() {
        var state = Fixtures.state()
        _ = press(.character("x"), in: &state)
        _ = Workbench.reduce(&state, .rejectReasonsLoaded(reasons))
        type("OFF", in: &state)
        _ = press(.tab, in: &state)
        XCTAssertEqual(prompt(state)?.text, "off topic")
        _ = press(.control("u"), in: &state)
        type("答", in: &state)
        _ = press(.tab, in: &state)
        XCTAssertEqual(prompt(state)?.text, "答案不完整")
        _ = press(.control("u"), in: &state)
        type("zz", in: &state)
        _ = press(.tab, in: &state)
        XCTAssertEqual(prompt(state)?.text, "zz")
        XCTAssertEqual(state.status.message?.text, "no reason given before starts with that")
    }

    func testAnEmptyReasonIsRefusedWithAMessageOnThePromptLine() {
        for size in SmallTerminalLayoutTests.sizes {
            var state = Fixtures.state(size)
            _ = press(.character("x"), in: &state)
            type("  ", in: &state)
            XCTAssertEqual(press(.enter, in: &state), [], "nothing is written")
            XCTAssertNotNil(prompt(state), "the prompt stays open")
            let text = WorkbenchRenderer.render(state).textDump()
            let last = text.split(separator: "\n").last.map(String.init) ?? ""
            XCTAssertTrue(last.hasPrefix(" Reject #1, reason:"), last)
            XCTAssertTrue(last.contains("a reason is needed"), "the refusal is on screen at \(size): \(last)")
            Snapshot.assert(text, named: "reason-refused-\(size.width)x\(size.height)")
            type("x", in: &state)
            XCTAssertNil(state.status.message, "typing clears the refusal")
        }
    }

    func testASpotCheckWrongVerdictOffersTheSameReasons() {
        var state = ReducerSpotCheckTests.spotCheckState()
        _ = Workbench.reduce(&state, .rejectReasonsLoaded(reasons))
        XCTAssertEqual(press(.character("n"), in: &state), [.loadRejectReasons])
        XCTAssertEqual(prompt(state)?.choices, reasons)
    }
}
