import QuorumCore
import XCTest
@testable import QuorumTUI

final class SharedTokensTests: XCTestCase {
    func testLocatedTokensMatchTheTokenizerAndPointAtTheirText() {
        let texts = ["Don't stop_now, well-known 3.14!", "İstanbul \u{212A}elvin", "café naïve", "", "東京 tower ＡＢＣ１",
                     "running cats were RUNNING", String(repeating: "ab", count: 300)]
        for text in texts {
            for stem in [false, true] {
                var tokenizer = RougeTokenizer()
                let located = tokenizer.locatedTokens(text, stem: stem)
                var reference = RougeTokenizer()
                XCTAssertEqual(located.map(\.id), reference.tokenIDs(text, stem: stem))
                let bytes = Array(text.utf8)
                for token in located where !stem {
                    let piece = String(decoding: bytes[token.bytes], as: UTF8.self)
                    var again = RougeTokenizer()
                    XCTAssertEqual(again.tokens(piece, stem: false), [tokenizer.vocabulary.string(of: token.id)])
                }
            }
        }
    }

    func testRangesCoverTheWordsSharedWithTheChoice() {
        let texts = ["the cat sat on the mat", "a cat sat on a hat", "dogs bark"]
        let ranges = SharedTokens.ranges(texts, choice: 0)
        XCTAssertEqual(ranges[0], [])
        let words = ranges[1].map { String(decoding: Array(texts[1].utf8)[$0], as: UTF8.self) }
        XCTAssertEqual(words, ["cat", "sat", "on"])
        XCTAssertEqual(ranges[2], [])
    }

    func testStemmedWordsCountAsShared() {
        let ranges = SharedTokens.ranges(["Cats are running", "The cat runs"], choice: 0)
        let words = ranges[1].map { String(decoding: Array("The cat runs".utf8)[$0], as: UTF8.self) }
        XCTAssertEqual(words, ["cat", "runs"])
    }

    func testNoChoiceMeansNoHighlight() {
        XCTAssertEqual(SharedTokens.ranges(["a b", "a b"], choice: nil), [[], []])
    }
}
