@testable import QuorumCore

/// Plain, obviously correct versions of the core algorithms, to check the fast ones against.
enum ReferenceAlgorithms {
    static func lcsLength(_ a: [UInt32], _ b: [UInt32]) -> Int {
        guard !a.isEmpty && !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Self-Instruct's filter, one comparison per kept text.
    static func novelty(_ texts: [[UInt32]], threshold: Double) -> [Bool] {
        var kept: [[UInt32]] = []
        return texts.map { text in
            let similar = kept.contains { other in
                RougeL.fMeasure(
                    lcs: lcsLength(text, other), targetLength: text.count, predictionLength: other.count
                ) > threshold
            }
            if !similar { kept.append(text) }
            return !similar
        }
    }
}

typealias SeededGenerator = SeededRandom
