import XCTest
@testable import QuorumTUI

/// Issue 16: Tab completes `:` commands and the words their arguments take.
final class CommandCompletionTests: XCTestCase {
    private func complete(_ text: String) -> CommandCompletion.Result {
        CommandCompletion.complete(text, themes: ["dark", "light", "high-contrast"])
    }

    func testNamesOrdersThemesFormatsAndFilterWords() {
        XCTAssertEqual(complete("ex").text, "export ")
        XCTAssertEqual(complete("order fr").text, "order fragility ")
        XCTAssertEqual(complete("theme h").text, "theme high-contrast ")
        XCTAssertEqual(complete("export ~/x.jsonl sh").text, "export ~/x.jsonl sharegpt ")
        XCTAssertEqual(complete("filter type = A and fr").text, "filter type = A and fragil")
        XCTAssertEqual(complete("filter type = A and fr").choices, ["fragility", "fragile"])
        XCTAssertEqual(complete("filter has:n").text, "filter has:note ")
    }

    func testSeveralFitsShowTheChoicesAndNothingFitsLeavesTheText() {
        let several = complete("")
        XCTAssertEqual(several.text, "")
        XCTAssertEqual(several.choices.count, CommandLineCommand.Name.allCases.count)
        XCTAssertEqual(complete("zzz").text, "zzz")
        XCTAssertEqual(complete("zzz").choices, [])
        XCTAssertEqual(complete("order fragility de").text, "order fragility de", "order takes one word")
    }

    func testTabInThePromptCompletesAndShowsTheChoices() {
        var state = Fixtures.state()
        _ = Workbench.reduce(&state, .key(.character(":")))
        for character in "filter fr" { _ = Workbench.reduce(&state, .key(.character(character))) }
        _ = Workbench.reduce(&state, .key(.tab))
        guard case .prompt(let prompt) = state.overlay else { return XCTFail("the prompt closed") }
        XCTAssertEqual(prompt.text, "filter fragil")
        XCTAssertEqual(prompt.choices, ["fragility", "fragile"])
        XCTAssertTrue(WorkbenchRenderer.render(state).textDump().contains("fragility  fragile"))
        _ = Workbench.reduce(&state, .key(.character("e")))
        guard case .prompt(let typed) = state.overlay else { return XCTFail("the prompt closed") }
        XCTAssertEqual(typed.choices, [], "typing on hides the choices")
        _ = Workbench.reduce(&state, .key(.tab))
        guard case .prompt(let whole) = state.overlay else { return XCTFail("the prompt closed") }
        XCTAssertEqual(whole.text, "filter fragile ")
    }
}
