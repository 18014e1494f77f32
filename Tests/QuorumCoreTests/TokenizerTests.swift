import XCTest
@testable import QuorumCore

final class TokenizerTests: XCTestCase {
    private func tokens(_ text: String, stem: Bool = false) -> [String] {
        var tokenizer = RougeTokenizer()
        return tokenizer.tokens(text, stem: stem)
    }

    func testSplitsOnEverythingOutsideASCIIAlphanumerics() {
        XCTAssertEqual(tokens("Don't stop_now, well-known 3.14!"), ["don", "t", "stop", "now", "well", "known", "3", "14"])
        XCTAssertEqual(tokens("café naïve"), ["caf", "na", "ve"])
        XCTAssertEqual(tokens("cafe\u{301}"), ["cafe"])
        XCTAssertEqual(tokens("東京 tower ＡＢＣ１"), ["tower"])
        XCTAssertEqual(tokens(""), [])
        XCTAssertEqual(tokens("?!… —"), [])
    }

    func testPythonLowercasesDottedCapitalIAndTheKelvinSignIntoASCII() {
        XCTAssertEqual(tokens("İstanbul"), ["i", "stanbul"])
        XCTAssertEqual(tokens("\u{212A}elvin"), ["kelvin"])
        XCTAssertEqual(tokens("ıi"), ["i"])
    }

    func testLongTokensSpillPastTheStackBuffer() {
        let word = String(repeating: "ab", count: 400)
        XCTAssertEqual(tokens("x \(word) y"), ["x", word, "y"])
    }

    func testStemsOnlyTokensLongerThanThreeCharacters() {
        // NLTK stems "was" to "wa", but rouge-score leaves three-letter tokens alone.
        XCTAssertEqual(tokens("was running cats", stem: true), ["was", "run", "cat"])
        XCTAssertEqual(tokens("was running cats", stem: false), ["was", "running", "cats"])
    }
}
