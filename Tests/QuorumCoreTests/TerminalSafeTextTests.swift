import QuorumCore
import XCTest

/// The escaping rule messages on standard error share with the workbench.
final class TerminalSafeTextTests: XCTestCase {
    func testTerminalControlsBecomeVisible() {
        let hostile = "a\u{1B}]0;title\u{07} b\u{1B}]52;c;cHduZWQ=\u{07} c\u{1B}[2J d\u{7F}\u{9B}"
        XCTAssertEqual(TerminalSafeText.escaped(hostile), "a␛]0;title␇ b␛]52;c;cHduZWQ=␇ c␛[2J d␡<U+009B>")
    }

    func testLineBreaksAndTabsStayAndALoneCarriageReturnIsShown() {
        XCTAssertEqual(TerminalSafeText.escaped("one\r\ntwo\tthree\rfour\n"), "one\ntwo\tthree␍four\n")
    }

    func testFormatCharactersAndSeparatorsAreLabelled() {
        XCTAssertEqual(TerminalSafeText.escaped("x\u{202E}y\u{200B}z\u{2028}"), "x<U+202E>y<U+200B>z<U+2028>")
    }

    func testOrdinaryTextIsUnchanged() {
        let text = "Grüße, 世界 👩‍💻 café\u{301} \"quoted\""
        XCTAssertEqual(TerminalSafeText.escaped(text), text)
    }
}
