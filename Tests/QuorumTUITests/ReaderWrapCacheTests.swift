import XCTest
@testable import QuorumTUI

/// The reader's kept wraps give the very lines a fresh wrap gives, per text and width.
final class ReaderWrapCacheTests: XCTestCase {
    func testKeptWrapsMatchFreshOnesForEveryTextAndWidth() {
        let texts = ["短い 😀 text " + String(repeating: "word ", count: 300), "another \u{1B}[2J text", "x"]
        for _ in 0..<2 {
            for text in texts {
                for width in [20, 78, 196] {
                    XCTAssertEqual(ReaderWrapCache.lines(text, width: width), TextWrap.lines(text, width: width).lines,
                                   "\(width)")
                }
            }
        }
        let long = String(repeating: "a ", count: ReaderWrapCache.largestCachedText)
        XCTAssertEqual(ReaderWrapCache.lines(long, width: 80).count, TextWrap.lines(long, width: 80).lines.count,
                       "a text too long to keep is wrapped afresh, the same way")
    }
}
