import XCTest
@testable import QuorumTUI

final class DifferingWordsTests: XCTestCase {
    private func words(_ text: String, outside shared: [Range<Int>]) -> [String] {
        let bytes = Array(text.utf8)
        return DifferingWords.ranges(in: text, outside: shared).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    func testTheWordsBetweenSharedTokensSplitAtSpaces() {
        // "the cat sat on the mat": "the", "sat", "the mat" shared.
        XCTAssertEqual(words("the cat sat on the mat", outside: [0..<3, 8..<11, 15..<22]), ["cat", "on"])
        XCTAssertEqual(words("all new words", outside: []), ["all", "new", "words"])
        XCTAssertEqual(words("shared", outside: [0..<6]), [])
        XCTAssertEqual(words("", outside: []), [])
    }

    func testMultibyteTextAndAWordPartlyShared() {
        XCTAssertEqual(words("café au lait", outside: [0..<5]), ["au", "lait"])
        XCTAssertEqual(words("日本語 テキスト", outside: [0..<9]), ["テキスト"])
        XCTAssertEqual(words("prefix-suffix", outside: [0..<6]), ["-suffix"])
        XCTAssertEqual(words("diet, exercise", outside: [0..<4]), ["exercise"], "a comma alone is not a word")
    }

    func testTheHKeySwitchesWhatIsMarked() {
        var state = Fixtures.state()
        XCTAssertFalse(state.settings.highlightsShared, "differences are marked by default")
        _ = Workbench.reduce(&state, .key(.character("h")))
        XCTAssertTrue(state.settings.highlightsShared)
        XCTAssertTrue(state.status.message?.text.contains("shares with the choice") == true)
        _ = Workbench.reduce(&state, .key(.character("h")))
        XCTAssertFalse(state.settings.highlightsShared)
    }
}
