import XCTest
@testable import QuorumTUI

final class CellGridTests: XCTestCase {
    private func grid(_ text: String, width: Int = 20) -> CellGrid {
        var grid = CellGrid(size: Size(width: width, height: 1))
        grid.put(text, at: Point(x: 0, y: 0), style: .text)
        return grid
    }

    func testASCIITakesOneCellEach() {
        let grid = grid("hello")
        XCTAssertEqual(grid.textDump(), "hello")
        XCTAssertEqual(grid[4, 0].grapheme, "o")
        XCTAssertEqual(grid[5, 0].grapheme, " ")
    }

    func testWideCharactersTakeTwoCellsAndKeepColumnsAligned() {
        let grid = grid("a你b😀c")
        XCTAssertEqual(grid[1, 0].grapheme, "你")
        XCTAssertEqual(grid[1, 0].width, 2)
        XCTAssertTrue(grid[2, 0].isContinuation)
        XCTAssertEqual(grid[3, 0].grapheme, "b")
        XCTAssertEqual(grid[4, 0].grapheme, "😀")
        XCTAssertTrue(grid[5, 0].isContinuation)
        XCTAssertEqual(grid[6, 0].grapheme, "c")
        XCTAssertEqual(DisplayWidth.of("a你b😀c"), 7)
        XCTAssertEqual(DisplayWidth.of("ＡＢＣ"), 6)
        XCTAssertEqual(DisplayWidth.of("한국어"), 6)
    }

    func testCombiningMarksStayInTheirBaseCell() {
        let grid = grid("e\u{301}te\u{0323}\u{0302}")
        XCTAssertEqual(grid[0, 0].grapheme, "e\u{301}")
        XCTAssertEqual(grid[1, 0].grapheme, "t")
        XCTAssertEqual(grid[2, 0].grapheme.unicodeScalars.count, 3)
        XCTAssertEqual(DisplayWidth.of("e\u{301}te\u{0323}\u{0302}"), 3)
    }

    func testAMarkWithoutABaseGetsADottedCircle() {
        let grid = grid("\u{301}x")
        XCTAssertEqual(grid[0, 0].grapheme, "\u{25CC}\u{301}")
        XCTAssertEqual(grid[1, 0].grapheme, "x")
    }

    func testZWJSequencesAreDrawnAsTheirParts() {
        // Terminals disagree on joined emoji; as separate emoji every terminal agrees on the width.
        XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧"), 6)
        let grid = grid("👨‍👩‍👧!")
        XCTAssertEqual(grid[0, 0].grapheme, "👨")
        XCTAssertEqual(grid[2, 0].grapheme, "👩")
        XCTAssertEqual(grid[4, 0].grapheme, "👧")
        XCTAssertEqual(grid[6, 0].grapheme, "!")
    }

    func testVariationSelectorsAndSkinTonesAreDropped() {
        XCTAssertEqual(DisplayWidth.of("❤️"), 1)
        XCTAssertEqual(grid("❤️x")[0, 0].grapheme, "❤")
        XCTAssertEqual(DisplayWidth.of("👋🏽"), 2)
    }

    func testAWideCharacterThatWouldStraddleTheClipBecomesASpace() {
        var grid = CellGrid(size: Size(width: 5, height: 1))
        let end = grid.put("abcd你", at: Point(x: 0, y: 0), style: .text)
        XCTAssertGreaterThanOrEqual(end, 5)
        XCTAssertEqual(grid.textDump(), "abcd")
        XCTAssertFalse(grid[4, 0].isContinuation)
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = grid("你好")
        grid.put("x", at: Point(x: 1, y: 0), style: .text)
        XCTAssertEqual(grid[0, 0].grapheme, " ")
        XCTAssertEqual(grid[1, 0].grapheme, "x")
        XCTAssertEqual(grid[2, 0].grapheme, "好")
        grid.put("y", at: Point(x: 2, y: 0), style: .text)
        XCTAssertEqual(grid[3, 0].grapheme, " ")
        XCTAssertFalse(grid[3, 0].isContinuation)
    }

    func testTabsExpandToStopsAndNewlinesShowAsAnArrow() {
        XCTAssertEqual(grid("a\tb").textDump(), "a   b")
        XCTAssertEqual(grid("ab\tc").textDump(), "ab  c")
        XCTAssertEqual(grid("a\nb").textDump(), "a↵b")
    }

    func testClippingStopsAtTheClipRectangle() {
        var grid = CellGrid(size: Size(width: 10, height: 2))
        let clip = Rect(x: 2, y: 0, width: 4, height: 1)
        grid.put("abcdefgh", at: Point(x: 2, y: 0), style: .text, clip: clip)
        grid.put("zzz", at: Point(x: 0, y: 1), style: .text, clip: clip)
        XCTAssertEqual(grid.textDump(), "  abcd\n")
    }

    func testPutTruncatedEndsWithAnEllipsis() {
        var grid = CellGrid(size: Size(width: 6, height: 1))
        grid.putTruncated("abcdefgh", at: Point(x: 0, y: 0), style: .text, clip: grid.bounds)
        XCTAssertEqual(grid.textDump(), "abcde…")
    }

    func testStyleDumpShowsRoles() {
        var grid = CellGrid(size: Size(width: 6, height: 1))
        grid.put("ab", at: Point(x: 0, y: 0), style: .text)
        grid.put("cd", at: Point(x: 2, y: 0), style: .shared)
        XCTAssertEqual(grid.styleDump([.shared: "S", .text: "-"]), "--SS--")
    }
}
