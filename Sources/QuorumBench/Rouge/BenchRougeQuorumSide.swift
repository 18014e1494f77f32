import Foundation
import QuorumCore

/// Quorum's results and timings on the bench workload.
struct QuorumRougeRun {
    var pairBits: [UInt64] = []
    var pairStemBits: [UInt64] = []
    var pairSeconds = 0.0
    var pairStemSeconds = 0.0
    var kept: [Int] = []
    var noveltySeconds = 0.0
    /// Pairwise comparisons a brute-force filter that stops at the first match makes on the stream.
    var bruteForceComparisons = 0
    var matrices: [[[Double]]] = []
    var matrixSeconds = 0.0
    var decideSeconds = 0.0

    static func measure(_ workload: BenchRougeWorkload, threshold: Double) -> QuorumRougeRun {
        var run = QuorumRougeRun()
        (run.pairBits, run.pairSeconds) = scorePairs(workload.pairs, stem: false)
        (run.pairStemBits, run.pairStemSeconds) = scorePairs(workload.pairs, stem: true)

        run.noveltySeconds = .infinity
        for _ in 0..<5 {
            let started = Stopwatch()
            var index = NoveltyIndex(threshold: threshold)
            var kept: [Int] = []
            for (position, text) in workload.stream.enumerated() where index.admit(text) == .novel {
                kept.append(position)
            }
            run.noveltySeconds = min(run.noveltySeconds, started.seconds)
            run.kept = kept
        }
        run.bruteForceComparisons = bruteForceComparisons(workload.stream, kept: run.kept, threshold: threshold)

        var tokenizer = RougeTokenizer()
        let tokenized = workload.matrices.map { set in set.map { tokenizer.tokenIDs($0, stem: true) } }
        var lcs = BitParallelLCS()
        run.matrices = tokenized.map { RougeMatrix.compute($0, using: &lcs) }
        run.matrixSeconds = secondsPerRound(minimumTotal: 0.5) {
            for set in tokenized { _ = RougeMatrix.compute(set, using: &lcs) }
        } / Double(max(1, tokenized.count))
        run.decideSeconds = secondsPerRound(minimumTotal: 0.5) {
            var fresh = RougeTokenizer()
            for set in workload.matrices {
                _ = Consensus.decide(set, minAgreement: Consensus.defaultMinAgreement, tokenizer: &fresh)
            }
        } / Double(max(1, workload.matrices.count))
        return run
    }

    private static func scorePairs(_ pairs: [(a: String, b: String)], stem: Bool) -> ([UInt64], Double) {
        let started = Stopwatch()
        var tokenizer = RougeTokenizer()
        var lcs = BitParallelLCS()
        let bits = pairs.map { pair in
            let target = tokenizer.tokenIDs(pair.a, stem: stem)
            let prediction = tokenizer.tokenIDs(pair.b, stem: stem)
            return RougeL.score(target, prediction, using: &lcs).bitPattern
        }
        return (bits, started.seconds)
    }

    private static func bruteForceComparisons(_ stream: [String], kept: [Int], threshold: Double) -> Int {
        var tokenizer = RougeTokenizer()
        let tokens = stream.map { tokenizer.tokenIDs($0, stem: false) }
        let keptSet = Set(kept)
        var lcs = BitParallelLCS()
        var pool: [Int] = []
        var comparisons = 0
        for position in tokens.indices {
            if keptSet.contains(position) {
                comparisons += pool.count
                pool.append(position)
                continue
            }
            lcs.load(tokens[position])
            for other in pool {
                comparisons += 1
                let score = RougeL.fMeasure(
                    lcs: lcs.length(against: tokens[other]), targetLength: tokens[position].count,
                    predictionLength: tokens[other].count)
                if score > threshold { break }
            }
        }
        return comparisons
    }

    /// Runs `body` until at least `minimumTotal` seconds have passed; the best round's time.
    static func secondsPerRound(minimumTotal: Double, _ body: () -> Void) -> Double {
        var best = Double.infinity
        let overall = Stopwatch()
        repeat {
            let round = Stopwatch()
            body()
            best = min(best, round.seconds)
        } while overall.seconds < minimumTotal
        return best
    }
}

struct Stopwatch {
    private let start = DispatchTime.now().uptimeNanoseconds
    var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
}
