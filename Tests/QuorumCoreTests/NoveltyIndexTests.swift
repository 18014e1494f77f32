import XCTest
@testable import QuorumCore

final class NoveltyIndexTests: XCTestCase {
    /// Streams with small vocabularies, repeated words, empty texts and near duplicates.
    private func randomStream(count: Int, vocabulary: Int, random: inout SeededGenerator) -> [String] {
        var texts: [String] = []
        for _ in 0..<count {
            if !texts.isEmpty && Int.random(in: 0..<10, using: &random) < 3 {
                var words = texts.randomElement(using: &random)!.split(separator: " ").map(String.init)
                let edits = Int.random(in: 0...3, using: &random)
                for _ in 0..<edits where !words.isEmpty {
                    let position = Int.random(in: 0..<words.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: words.remove(at: position)
                    case 1: words[position] = "w\(Int.random(in: 0..<vocabulary, using: &random))"
                    default: words.insert("w\(Int.random(in: 0..<vocabulary, using: &random))", at: position)
                    }
                }
                texts.append(words.joined(separator: " "))
            } else {
                let length = Int.random(in: 0...Int.random(in: 1...40, using: &random), using: &random)
                texts.append((0..<length).map { _ in "w\(Int.random(in: 0..<vocabulary, using: &random))" }.joined(separator: " "))
            }
        }
        return texts
    }

    func testDecisionsEqualBruteForce() {
        var random = SeededGenerator(seed: 42)
        for (round, threshold) in [0.7, 0.7, 0.5, 0.0, 1.0, 0.3, 0.9, 0.7].enumerated() {
            let texts = randomStream(count: 350, vocabulary: [5, 30, 400][round % 3], random: &random)
            var tokenizer = RougeTokenizer()
            let tokens = texts.map { tokenizer.tokenIDs($0, stem: false) }
            let expected = ReferenceAlgorithms.novelty(tokens, threshold: threshold)
            var index = NoveltyIndex(threshold: threshold)
            let actual = texts.map { index.admit($0) == .novel }
            XCTAssertEqual(actual, expected, "threshold \(threshold), round \(round)")
        }
    }

    func testTheThresholdComparesTheExactDoubleOfTheReferenceFormula() {
        // 2·lcs/(m+n) is 0.7 in both cases, but p, r and 2pr/(p+r) round differently.
        let ten = "a b c d e f g h i j"
        let tenEdited = "a b c d e f g x y z"
        XCTAssertEqual(RougeL.score(target: ten, prediction: tenEdited, stem: false), 0.7)
        var index = NoveltyIndex(threshold: 0.7)
        XCTAssertEqual(index.admit(ten), .novel)
        XCTAssertEqual(index.admit(tenEdited), .novel)

        let seven = "k l m n o p q"
        let thirteen = "k l m n o p q r s t u v w"
        XCTAssertEqual(RougeL.score(target: seven, prediction: thirteen, stem: false), 0.7000000000000001)
        XCTAssertEqual(index.admit(seven), .novel)
        XCTAssertEqual(index.admit(thirteen), .tooSimilar(index: 2, score: 0.7000000000000001))
    }

    func testReportsTheMostSimilarEntryWithItsScore() {
        var index = NoveltyIndex(threshold: 0.7)
        index.insert("classify the sentiment of this movie review")
        index.insert("classify the sentiment of this short movie review please")
        guard case .tooSimilar(let entry, let score) = index.check("classify the sentiment of this movie review please") else {
            return XCTFail("expected a near duplicate")
        }
        XCTAssertEqual(entry, 1)
        XCTAssertEqual(score, RougeL.score(
            target: "classify the sentiment of this movie review please",
            prediction: "classify the sentiment of this short movie review please", stem: false))
        XCTAssertEqual(index.count, 2)
    }

    func testEmptyTextsAreAlwaysNovel() {
        var index = NoveltyIndex(threshold: 0.0)
        XCTAssertEqual(index.admit("!!!"), .novel)
        XCTAssertEqual(index.admit(""), .novel)
        XCTAssertEqual(index.admit("word"), .novel)
        XCTAssertEqual(index.admit("word"), .tooSimilar(index: 2, score: 1))
    }
}
