/// What the novelty filter decided for one text.
public enum NoveltyVerdict: Sendable, Equatable {
    case novel
    /// Rouge-L F against pool entry `index` (insertion order) is above the threshold;
    /// the entry is the most similar one, the earliest among equals.
    case tooSimilar(index: Int, score: Double)
}

/// Self-Instruct's novelty filter: a text is rejected when its Rouge-L F (no stemmer)
/// against any text in the pool is above `threshold`. Exact, and sub-linear in practice:
///
/// - Rouge-L F ≤ Dice of the token multisets ≤ 2·min(m,n)/(m+n), so a match needs a
///   token overlap of at least t·m/(2−t) and a length within a band;
/// - multisets become sets of (token, occurrence) elements ordered rarest first, and only
///   each text's prefix (length − required overlap + 1 elements) is indexed: two texts with
///   enough overlap share an element of their prefixes;
/// - candidates that survive are verified with the bit-parallel LCS and the exact F.
///
/// The rarity order is fixed between rebuilds (new elements rank first, which keeps the
/// order total), and recomputed from document frequencies each time the pool doubles.
public struct NoveltyIndex: Sendable {
    public let threshold: Double
    /// The threshold lowered past any rounding in F, so that filters never prune a match.
    private let safeThreshold: Double

    private var tokenizer = RougeTokenizer()
    private var recordTokens: [UInt32] = []
    private var recordElements: [UInt32] = []
    private var recordStart: [Int] = [0]

    private var elementID: [UInt64: UInt32] = [:]
    private var elementRank: [UInt64] = []
    private var documentFrequency: [UInt32] = []
    private var postings: [[UInt32]] = []

    private var visitedStamp: [UInt32] = []
    private var probeStamp: UInt32 = 0
    private var occurrences: [UInt32] = []
    private var lcs = BitParallelLCS()
    private var nextRebuild = 256

    public init(threshold: Double = 0.7) {
        precondition((0...1).contains(threshold), "the novelty threshold is a Rouge-L F between 0 and 1")
        self.threshold = threshold
        self.safeThreshold = threshold - 1e-12
    }

    public var count: Int { recordStart.count - 1 }

    /// Adds `text` to the pool unconditionally (seed tasks, for instance).
    public mutating func insert(_ text: String) {
        let tokens = tokenizer.tokenIDs(text, stem: false)
        insert(tokens: tokens)
    }

    public mutating func check(_ text: String) -> NoveltyVerdict {
        let tokens = tokenizer.tokenIDs(text, stem: false)
        return check(tokens: tokens)
    }

    /// Checks `text` and adds it to the pool when it is novel.
    public mutating func admit(_ text: String) -> NoveltyVerdict {
        let tokens = tokenizer.tokenIDs(text, stem: false)
        let verdict = check(tokens: tokens)
        if verdict == .novel { insert(tokens: tokens) }
        return verdict
    }

    // MARK: - Probing

    private mutating func check(tokens: [UInt32]) -> NoveltyVerdict {
        let length = tokens.count
        guard length > 0, count > 0 else { return .novel }
        var elements = elementsOf(tokens, assigningNew: false)
        elements.sort { rank(of: $0) < rank(of: $1) }
        let prefix = elements.prefix(prefixLength(length))
        let (shortest, longest) = lengthBand(length)

        probeStamp &+= 1
        if probeStamp == 0 {
            visitedStamp = Array(repeating: 0, count: visitedStamp.count)
            probeStamp = 1
        }
        var loaded = false
        var best: (index: Int, score: Double)?
        for element in prefix where element != Self.unseen {
            for record in postings[Int(element)] {
                let index = Int(record)
                if visitedStamp[index] == probeStamp { continue }
                visitedStamp[index] = probeStamp
                let start = recordStart[index]
                let end = recordStart[index + 1]
                let otherLength = end - start
                guard otherLength >= shortest && otherLength <= longest else { continue }
                if !loaded {
                    lcs.load(tokens)
                    loaded = true
                }
                let common = recordTokens.withUnsafeBufferPointer {
                    lcs.length(against: UnsafeBufferPointer(rebasing: $0[start..<end]))
                }
                let score = RougeL.fMeasure(lcs: common, targetLength: length, predictionLength: otherLength)
                guard score > threshold else { continue }
                if best == nil || score > best!.score || (score == best!.score && index < best!.index) {
                    best = (index, score)
                }
            }
        }
        if let best { return .tooSimilar(index: best.index, score: best.score) }
        return .novel
    }

    // MARK: - Pool

    private mutating func insert(tokens: [UInt32]) {
        let record = UInt32(count)
        let elements = elementsOf(tokens, assigningNew: true)
        recordTokens.append(contentsOf: tokens)
        recordElements.append(contentsOf: elements)
        recordStart.append(recordTokens.count)
        visitedStamp.append(0)
        for element in elements { documentFrequency[Int(element)] += 1 }
        index(record: record)
        if count >= nextRebuild {
            rebuild()
            nextRebuild *= 2
        }
    }

    private mutating func index(record: UInt32) {
        let start = recordStart[Int(record)]
        let end = recordStart[Int(record) + 1]
        guard end > start else { return }
        var elements = Array(recordElements[start..<end])
        elements.sort { elementRank[Int($0)] < elementRank[Int($1)] }
        for element in elements.prefix(prefixLength(end - start)) {
            postings[Int(element)].append(record)
        }
    }

    private mutating func rebuild() {
        for element in elementRank.indices {
            elementRank[element] = UInt64(documentFrequency[element]) << 32 | UInt64(element)
            postings[element].removeAll(keepingCapacity: true)
        }
        for record in 0..<count { index(record: UInt32(record)) }
    }

    // MARK: - Elements

    private static let unseen = UInt32.max

    private func rank(of element: UInt32) -> UInt64 {
        element == Self.unseen ? 0 : elementRank[Int(element)]
    }

    /// The text's tokens as (token, occurrence) elements, so that multiset overlap is set overlap.
    private mutating func elementsOf(_ tokens: [UInt32], assigningNew: Bool) -> [UInt32] {
        if let largest = tokens.max(), Int(largest) >= occurrences.count {
            occurrences.append(contentsOf: repeatElement(0, count: Int(largest) + 1 - occurrences.count))
        }
        var elements: [UInt32] = []
        elements.reserveCapacity(tokens.count)
        for token in tokens {
            let occurrence = occurrences[Int(token)]
            occurrences[Int(token)] = occurrence + 1
            let key = UInt64(token) << 32 | UInt64(occurrence)
            if let id = elementID[key] {
                elements.append(id)
            } else if assigningNew {
                let id = UInt32(elementRank.count)
                elementID[key] = id
                elementRank.append(UInt64(id))
                documentFrequency.append(0)
                postings.append([])
                elements.append(id)
            } else {
                elements.append(Self.unseen)
            }
        }
        for token in tokens { occurrences[Int(token)] = 0 }
        return elements
    }

    // MARK: - Bounds

    /// The fewest shared elements a text of `length` needs with any match.
    private func requiredOverlap(_ length: Int) -> Int {
        guard safeThreshold > 0 else { return 1 }
        let bound = safeThreshold * Double(length) / (2 - safeThreshold)
        return min(length, max(1, Int((bound - 1e-9 * max(1, bound)).rounded(.up))))
    }

    private func prefixLength(_ length: Int) -> Int {
        length - requiredOverlap(length) + 1
    }

    /// Lengths n with 2·min(m,n)/(m+n) above the threshold.
    private func lengthBand(_ length: Int) -> (Int, Int) {
        guard safeThreshold > 0 else { return (1, Int.max) }
        let low = safeThreshold * Double(length) / (2 - safeThreshold)
        let high = Double(length) * (2 - safeThreshold) / safeThreshold
        let shortest = max(1, Int((low - 1e-9 * max(1, low)).rounded(.up)))
        let longest = high >= Double(Int.max / 2) ? Int.max : Int((high + 1e-9 * high).rounded(.down))
        return (shortest, longest)
    }
}
