import XCTest
@testable import QuorumTUI

/// Model text must never reach the terminal raw: every control character, escape sequence
/// and format character is painted as a visible stand-in.
final class HostileTextTests: XCTestCase {
    static let hostile = [
        "\u{1B}[31mred\u{1B}[0m", "\u{1B}]0;title\u{07}", "\u{1B}[2J\u{1B}[H", "a\rb", "bell\u{07}", "del\u{7F}",
        "c1\u{9B}31m", "\u{85}next line", "bidi \u{202E}evil\u{202C}", "zero\u{200B}width", "bom\u{FEFF}",
        "line\u{2028}sep", "nul\u{0}byte", "\u{1B}", "\u{1B}\u{301}", "\r\n", "x\u{E0001}tag", "\u{10FFFF}",
    ]

    /// Whether a scalar is one the terminal would act on or that changes the layout.
    private func isDangerous(_ scalar: Unicode.Scalar) -> Bool {
        VisibleText.needsEscape(scalar)
    }

    func testNoDangerousScalarReachesAnyCell() {
        for text in Self.hostile {
            var grid = CellGrid(size: Size(width: 40, height: 3))
            grid.put(text, at: Point(x: 0, y: 0), style: .text)
            for line in TextWrap.lines(text, width: 10).lines.enumerated() where line.offset < 2 {
                grid.put(line.element, at: Point(x: 0, y: 1 + line.offset), style: .text, clip: grid.bounds)
            }
            for cell in grid.cells {
                for scalar in cell.grapheme.unicodeScalars {
                    XCTAssertFalse(isDangerous(scalar), "U+\(String(scalar.value, radix: 16)) of \(text.debugDescription) reached the grid")
                }
            }
        }
    }

    func testEscapesAreShownWithControlPicturesOrCodePoints() {
        XCTAssertEqual(VisibleText.escaped("\u{1B}[31mred\u{1B}[0m"), "␛[31mred␛[0m")
        XCTAssertEqual(VisibleText.escaped("a\rb\u{07}\u{7F}"), "a␍b␇␡")
        XCTAssertEqual(VisibleText.escaped("c1\u{9B}31m"), "c1<U+009B>31m")
        XCTAssertEqual(VisibleText.escaped("x\u{202E}y"), "x<U+202E>y")
        XCTAssertEqual(VisibleText.escaped("zero\u{200B}width"), "zero<U+200B>width")
        XCTAssertEqual(VisibleText.escaped("\u{1B}\u{301}"), "␛\u{25CC}\u{301}", "a mark after a control gets a base of its own")
    }

    func testEscapesArePaintedInTheEscapedStyle() {
        var grid = CellGrid(size: Size(width: 12, height: 1))
        grid.put("\u{1B}[1mA", at: Point(x: 0, y: 0), style: .text)
        XCTAssertEqual(grid.textDump(), "␛[1mA")
        XCTAssertEqual(grid.styleDump([.escaped: "E", .text: "-"]), "E" + String(repeating: "-", count: 11))
    }

    func testSafeTextKeepsTheOriginalForExport() {
        let text = SafeText("\u{1B}[31mred")
        XCTAssertEqual(text.original, "\u{1B}[31mred")
        XCTAssertEqual(text.visible, "␛[31mred")
        XCTAssertTrue(text.hasEscapes)
        XCTAssertFalse(SafeText("plain 你好").hasEscapes)
    }
}
