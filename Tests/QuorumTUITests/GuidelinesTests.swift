import XCTest
@testable import QuorumStore
@testable import QuorumTUI

/// The guidelines (`[workbench] guidelines`, H): Markdown read simply, scrolled over the item.
final class GuidelinesTests: XCTestCase {
    static let markdown = """
        # Curation rules

        Keep an item only when **every** word of it is *right*; `x` rejects.

        ## Inputs
        - Concrete, never a placeholder such as <text>
          - nested: snake_case stays as written, and so does 2*3*4
        1. 用中文写的输入也可以 😀👋
        2. Hostile: \u{1B}[31mred\u{1B}[0m stays escaped
        > A quote from the lead.

        ```
        code **not** emphasised
        ```
        ---
        """ + "\n" + (1...30).map { "Filler line \($0)." }.joined(separator: "\n") + "\n\nThe very last line.\n"

    private func state(_ size: Size) -> WorkbenchState {
        var state = Fixtures.state(size)
        state.guidelines = Guidelines(path: "/work/project/GUIDELINES.md", markdown: Self.markdown)
        return state
    }

    func testMarkdownIsReadSimply() {
        let blocks = GuidelinesDocument(markdown: Self.markdown).blocks
        XCTAssertEqual(blocks[0], .init(kind: .heading, text: "Curation rules"))
        let paragraph = blocks[2]
        XCTAssertEqual(paragraph.text, "Keep an item only when every word of it is right; x rejects.")
        let emphasised = paragraph.emphasis.map { String(decoding: Array(paragraph.text.utf8)[$0], as: UTF8.self) }
        XCTAssertEqual(emphasised, ["every", "right", "x"])
        XCTAssertEqual(blocks[5].marker, "• ")
        XCTAssertEqual(blocks[6].indent, 2)
        XCTAssertEqual(blocks[6].text, "nested: snake_case stays as written, and so does 2*3*4")
        XCTAssertEqual(blocks[7].marker, "1. ")
        XCTAssertEqual(blocks[9].kind, .quote)
        XCTAssertEqual(blocks[11], .init(kind: .code, indent: 2, text: "code **not** emphasised"))
        XCTAssertEqual(blocks[12].text, "────────")
        XCTAssertEqual(blocks.last?.text, "The very last line.")
    }

    func testHOpensTheGuidelinesOverTheItemAtEachSize() {
        for size in SmallTerminalLayoutTests.sizes {
            var state = state(size)
            XCTAssertEqual(Workbench.reduce(&state, .key(.character("H"))), [])
            XCTAssertEqual(state.overlay, .guidelines(scroll: 0))
            let text = WorkbenchRenderer.render(state).textDump()
            Snapshot.assert(text, named: "guidelines-\(size.width)x\(size.height)")
            XCTAssertTrue(text.contains("Guidelines · /work/project/GUIDELINES.md"), text)
            XCTAssertTrue(text.contains("• Concrete"), text)
            XCTAssertTrue(text.contains("␛[31mred"), "escapes stay visible, never sent (\(size))")
        }
    }

    func testTheGuidelinesScrollToTheirEndAndClose() {
        var state = state(Size(width: 80, height: 24))
        _ = Workbench.reduce(&state, .key(.character("H")))
        XCTAssertFalse(WorkbenchRenderer.render(state).textDump().contains("The very last line."))
        _ = Workbench.reduce(&state, .key(.character("G")))
        XCTAssertTrue(WorkbenchRenderer.render(state).textDump().contains("The very last line."))
        guard case .guidelines(let bottom) = state.overlay else { return XCTFail("closed") }
        _ = Workbench.reduce(&state, .key(.character("j")))
        XCTAssertEqual(state.overlay, .guidelines(scroll: bottom), "never past the end")
        _ = Workbench.reduce(&state, .key(.character("k")))
        XCTAssertEqual(state.overlay, .guidelines(scroll: bottom - 1))
        _ = Workbench.reduce(&state, .key(.character("g")))
        XCTAssertEqual(state.overlay, .guidelines(scroll: 0))
        _ = Workbench.reduce(&state, .key(.pageDown))
        guard case .guidelines(let paged) = state.overlay else { return XCTFail("closed") }
        XCTAssertGreaterThan(paged, 5)
        XCTAssertEqual(Workbench.reduce(&state, .key(.character("a"))), [], "the item's keys wait")
        _ = Workbench.reduce(&state, .key(.escape))
        XCTAssertNil(state.overlay)
        _ = Workbench.reduce(&state, .key(.character("H")))
        _ = Workbench.reduce(&state, .key(.character("H")))
        XCTAssertNil(state.overlay, "H closes them too")
    }

    func testWithoutGuidelinesHSaysHowToNameThem() {
        var state = Fixtures.state()
        _ = Workbench.reduce(&state, .key(.character("H")))
        XCTAssertNil(state.overlay)
        XCTAssertEqual(state.status.message?.severity, .warning)
        XCTAssertTrue(state.status.message!.text.contains("guidelines = \"GUIDELINES.md\" under [workbench]"))
    }

    func testTheStarterGuidelinesCoverInstructionInputAndOutput() {
        let blocks = GuidelinesDocument(markdown: GuidelinesTemplate.text).blocks
        let headings = blocks.filter { $0.kind == .heading }.map(\.text)
        XCTAssertEqual(headings, ["Curation guidelines", "A good instruction", "A good input", "A good output",
                                  "Choosing among the candidates", "Rejecting"])
    }
}
