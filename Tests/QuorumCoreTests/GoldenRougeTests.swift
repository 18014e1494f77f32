import XCTest
@testable import QuorumCore

/// Quorum against rouge-score and NLTK, bit for bit.
final class GoldenRougeTests: XCTestCase {
    func testRougeLFMeasureAndTokensMatchRougeScoreOnEveryPair() throws {
        let pairs = try GoldenFixtures.jsonLines("rouge_pairs.jsonl")
        XCTAssertGreaterThanOrEqual(pairs.count, 10_000)
        var tokenizer = RougeTokenizer()
        var lcs = BitParallelLCS()
        var mismatches: [String] = []
        var exactlyPointSeven = 0
        for (line, pair) in pairs.enumerated() {
            let a = try XCTUnwrap(pair["a"] as? String)
            let b = try XCTUnwrap(pair["b"] as? String)
            for (stem, scoreKey, tokenKeys) in [(false, "f", ("ta", "tb")), (true, "f_stem", ("sa", "sb"))] {
                let target = tokenizer.tokenIDs(a, stem: stem)
                let prediction = tokenizer.tokenIDs(b, stem: stem)
                let expectedTarget = try XCTUnwrap(pair[tokenKeys.0] as? [String])
                let expectedPrediction = try XCTUnwrap(pair[tokenKeys.1] as? [String])
                let score = RougeL.score(target, prediction, using: &lcs)
                let expected = try GoldenFixtures.double(pair[scoreKey])
                if expected == 0.7 { exactlyPointSeven += 1 }
                let sameTokens = target.map { tokenizer.vocabulary.string(of: $0) } == expectedTarget
                    && prediction.map { tokenizer.vocabulary.string(of: $0) } == expectedPrediction
                if score.bitPattern != expected.bitPattern || !sameTokens {
                    mismatches.append("line \(line + 1) stem=\(stem): \(score) vs \(expected), tokens equal: \(sameTokens)")
                }
            }
        }
        XCTAssertEqual(mismatches.count, 0, mismatches.prefix(10).joined(separator: "\n"))
        XCTAssertGreaterThan(exactlyPointSeven, 0, "the fixture should hold values at exactly 0.7")
    }

    func testPorterStemmerMatchesNLTKOnEveryWord() throws {
        let text = try String(contentsOf: GoldenFixtures.url("porter_words.tsv"), encoding: .utf8)
        let stemmer = PorterStemmer()
        var checked = 0
        var mismatches: [String] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else { return XCTFail("bad fixture line: \(line)") }
            let stem = stemmer.stem(String(fields[0]))
            if stem != fields[1] { mismatches.append("\(fields[0]): \(stem) vs \(fields[1])") }
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 5_000)
        XCTAssertEqual(mismatches.count, 0, mismatches.prefix(10).joined(separator: "\n"))
    }

    func testConsensusMatchesThePythonReferenceRule() throws {
        let sets = try GoldenFixtures.jsonLines("consensus_sets.jsonl")
        XCTAssertGreaterThanOrEqual(sets.count, 2_000)
        var tokenizer = RougeTokenizer()
        var mismatches: [String] = []
        for (line, set) in sets.enumerated() {
            let candidates = try XCTUnwrap(set["candidates"] as? [String])
            let norms = try XCTUnwrap(set["norm"] as? [String])
            let result = Consensus.decide(candidates, minAgreement: 0.01, tokenizer: &tokenizer)
            let expectedScores = try XCTUnwrap(set["scores"] as? [String]).map(GoldenFixtures.double)
            let expectedMatrix = try XCTUnwrap(set["matrix"] as? [[String]]).map { try $0.map(GoldenFixtures.double) }
            let expectedChoice = set["choice"] as? Int
            let expectedRule = try XCTUnwrap(set["rule"] as? String)
            let expectedDiscard = set["discard"] as? String
            let sameNorms = candidates.map { Array(ConsensusText.normalize($0).unicodeScalars) } == norms.map { Array($0.unicodeScalars) }
            let expectedMargin = try GoldenFixtures.double(set["margin"])
            let sameNumbers = result.scores.map(\.bitPattern) == expectedScores.map(\.bitPattern)
                && result.matrix.map { $0.map(\.bitPattern) } == expectedMatrix.map { $0.map(\.bitPattern) }
                && result.margin.bitPattern == expectedMargin.bitPattern
            if !sameNorms || !sameNumbers || result.choice != expectedChoice || result.rule.rawValue != expectedRule
                || result.discard?.rawValue != expectedDiscard {
                mismatches.append(
                    "line \(line + 1): norms \(sameNorms) numbers \(sameNumbers) choice \(String(describing: result.choice)) vs \(String(describing: expectedChoice)) rule \(result.rule) vs \(expectedRule)")
            }
        }
        XCTAssertEqual(mismatches.count, 0, mismatches.prefix(10).joined(separator: "\n"))
    }
}
