import XCTest
@testable import QuorumTUI

final class TextWrapTests: XCTestCase {
    private func lines(_ text: String, _ width: Int, max: Int = .max) -> [String] {
        TextWrap.lines(text, width: width, maxLines: max).lines.map { line in
            String(line.glyphs.map(\.grapheme))
        }
    }

    func testBreaksAfterSpaces() {
        XCTAssertEqual(lines("the quick brown fox", 10), ["the quick ", "brown fox"])
    }

    func testBreaksLongWordsAtTheWidth() {
        XCTAssertEqual(lines("abcdefghij", 4), ["abcd", "efgh", "ij"])
    }

    func testKeepsExplicitLineBreaksButNotATrailingOne() {
        XCTAssertEqual(lines("a\n\nb\n", 10), ["a", "", "b"])
    }

    func testWideCharactersWrapByColumns() {
        XCTAssertEqual(lines("你好世界", 5), ["你好", "世界"])
    }

    func testTabsExpandFromTheLineStart() {
        XCTAssertEqual(lines("a\tb", 10), ["a   b"])
    }

    func testReportsTruncation() {
        let result = TextWrap.lines("one two three four", width: 4, maxLines: 2)
        XCTAssertEqual(result.lines.count, 2)
        XCTAssertTrue(result.truncated)
        XCTAssertFalse(TextWrap.lines("one", width: 4, maxLines: 2).truncated)
    }

    func testGlyphsKnowTheirByteOffsets() {
        let line = TextWrap.lines("é x", width: 10).lines[0]
        XCTAssertEqual(line.glyphs.map(\.utf8Offset), [0, 2, 3])
    }
}
