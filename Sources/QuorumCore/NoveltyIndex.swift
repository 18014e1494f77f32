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
///   enough overlap share an element of their prefixes (AllPairs);
/// - each shared prefix element bounds the overlap still reachable from its positions in
///   both texts, and a candidate that cannot reach the pair's required overlap is dropped
///   (PPJoin's positional filter);
/// - candidates that survive are verified with the bit-parallel LCS and the exact F.
///
/// The rarity order is fixed between rebuilds (new elements rank first, which keeps the
/// order total), and recomputed from document frequencies each time the pool quadruples.
public struct NoveltyIndex: Sendable {
    public let threshold: Double
    /// The threshold lowered past any rounding in F, so that filters never prune a match.
    private let safeThreshold: Double

    private var tokenizer = RougeTokenizer()
    private var recordTokens: [UInt32] = []
    private var recordElements: [UInt32] = []
    private var recordStart: [Int] = [0]

    /// The element of a token's first occurrence, by token id (`unseen` when none).
    private var firstOccurrenceElement: [UInt32] = []
    /// Elements of second and later occurrences, by `token << 32 | occurrence`.
    private var laterOccurrenceElement: [UInt64: UInt32] = [:]
    /// Sort key of each element: document frequency in the high half, element id in the low.
    private var elementRank: [UInt64] = []
    private var documentFrequency: [UInt32] = []
    /// Per element: `record << 32 | position of the element in the record's sorted order`.
    private var postings: [[UInt64]] = []

    private var visitedStamp: [UInt32] = []
    private var overlapSoFar: [Int32] = []
    private var recordLength: [Int32] = []
    private var maxRecordLength = 0
    private var requiredByLength: [Int32] = []
    /// Scratch for one probe: the records met in its prefix postings; sized to the pool.
    private var candidates: [Int32] = []
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
        // Two statements: calling a non-mutating method with a mutating argument would
        // copy self first and make every array write inside elementsOf copy-on-write.
        let elements = elementsOf(tokens, assigningNew: false)
        let sorted = Self.sortedRanks(elements, elementRank)
        let prefix = prefixLength(length)
        let (shortest, longest) = lengthBand(length)
        nextProbe()

        // requiredByLength[n - shortest]: the overlap a text of n tokens needs with this one.
        let bandWidth = min(longest, maxRecordLength) - shortest + 1
        guard bandWidth > 0 else { return .novel }
        requiredByLength.removeAll(keepingCapacity: true)
        for otherLength in shortest..<(shortest + bandWidth) {
            requiredByLength.append(Int32(requiredOverlap(length, otherLength)))
        }
        let stamp = probeStamp
        var candidateCount = 0
        candidates.withUnsafeMutableBufferPointer { found in
        visitedStamp.withUnsafeMutableBufferPointer { visited in
            overlapSoFar.withUnsafeMutableBufferPointer { overlaps in
                recordLength.withUnsafeBufferPointer { lengths in
                    requiredByLength.withUnsafeBufferPointer { required in
                        for position in 0..<prefix where sorted[position] != Self.unseenRank {
                            let element = Int(truncatingIfNeeded: sorted[position] & 0xFFFF_FFFF)
                            let remaining = length &- position &- 1
                            for posting in postings[element] {
                                let record = Int(truncatingIfNeeded: posting >> 32)
                                let otherPosition = Int(truncatingIfNeeded: posting & 0xFFFF_FFFF)
                                let band = Int(truncatingIfNeeded: lengths[record]) &- shortest
                                if visited[record] != stamp {
                                    visited[record] = stamp
                                    guard band >= 0 && band < bandWidth else {
                                        overlaps[record] = -1
                                        continue
                                    }
                                    overlaps[record] = 0
                                    found[candidateCount] = Int32(truncatingIfNeeded: record)
                                    candidateCount &+= 1
                                }
                                let overlap = overlaps[record]
                                if overlap < 0 { continue }
                                let otherRemaining = Int(truncatingIfNeeded: lengths[record]) &- otherPosition &- 1
                                let reachable = Int(overlap) &+ 1 &+ min(remaining, otherRemaining)
                                overlaps[record] = reachable < Int(required[band]) ? -1 : overlap &+ 1
                            }
                        }
                    }
                }
            }
        }
        }

        var loaded = false
        var best: (index: Int, score: Double)?
        for record in candidates[0..<candidateCount].lazy.map(Int.init) where overlapSoFar[record] > 0 {
            let start = recordStart[record]
            let end = recordStart[record + 1]
            if !loaded {
                lcs.load(tokens)
                loaded = true
            }
            let common = recordTokens.withUnsafeBufferPointer {
                lcs.length(against: UnsafeBufferPointer(rebasing: $0[start..<end]))
            }
            let score = RougeL.fMeasure(lcs: common, targetLength: length, predictionLength: end - start)
            guard score > threshold else { continue }
            if best == nil || score > best!.score || (score == best!.score && record < best!.index) {
                best = (record, score)
            }
        }
        if let best { return .tooSimilar(index: best.index, score: best.score) }
        return .novel
    }

    private mutating func nextProbe() {
        probeStamp &+= 1
        if probeStamp == 0 {
            visitedStamp = Array(repeating: 0, count: visitedStamp.count)
            probeStamp = 1
        }
    }

    // MARK: - Pool

    private mutating func insert(tokens: [UInt32]) {
        let record = UInt32(count)
        let elements = elementsOf(tokens, assigningNew: true)
        recordTokens.append(contentsOf: tokens)
        recordElements.append(contentsOf: elements)
        recordStart.append(recordTokens.count)
        visitedStamp.append(0)
        overlapSoFar.append(0)
        candidates.append(0)
        recordLength.append(Int32(clamping: tokens.count))
        maxRecordLength = max(maxRecordLength, tokens.count)
        for element in elements { documentFrequency[Int(element)] += 1 }
        index(record: record)
        if count >= nextRebuild {
            rebuild()
            nextRebuild *= 4
        }
    }

    private mutating func index(record: UInt32) {
        let start = recordStart[Int(record)]
        let end = recordStart[Int(record) + 1]
        guard end > start else { return }
        let sorted = Self.sortedRanks(Array(recordElements[start..<end]), elementRank)
        for position in 0..<prefixLength(end - start) {
            let element = Int(truncatingIfNeeded: sorted[position] & 0xFFFF_FFFF)
            postings[element].append(UInt64(record) << 32 | UInt64(position))
        }
    }

    private mutating func rebuild() {
        for element in elementRank.indices {
            elementRank[element] = (UInt64(documentFrequency[element]) + 1) << 32 | UInt64(element)
            postings[element].removeAll(keepingCapacity: true)
        }
        for record in 0..<count { index(record: UInt32(record)) }
    }

    // MARK: - Elements

    private static let unseen = UInt32.max
    /// Elements no pool text has sort first: that keeps the order total, and they match nothing.
    /// Elements created since the last rebuild come next (`1 << 32 | id`), then the others
    /// by document frequency (`(df + 1) << 32 | id`).
    private static let unseenRank: UInt64 = 0

    /// The elements' sort keys in rarity order; the low half of each key is the element.
    /// Static, so that calling it from a mutating method does not copy the whole index.
    private static func sortedRanks(_ elements: [UInt32], _ elementRank: [UInt64]) -> [UInt64] {
        var ranks = [UInt64](unsafeUninitializedCapacity: elements.count) { keys, initialized in
            elementRank.withUnsafeBufferPointer { table in
                for (index, element) in elements.enumerated() {
                    keys[index] = element == unseen ? unseenRank : table[Int(element)]
                }
            }
            initialized = elements.count
        }
        if ranks.count > 48 {
            ranks.sort()
            return ranks
        }
        ranks.withUnsafeMutableBufferPointer { keys in
            for index in keys.indices.dropFirst() {
                let key = keys[index]
                var slot = index
                while slot > 0 && keys[slot &- 1] > key {
                    keys[slot] = keys[slot &- 1]
                    slot &-= 1
                }
                keys[slot] = key
            }
        }
        return ranks
    }

    /// The text's tokens as (token, occurrence) elements, so that multiset overlap is set overlap.
    private mutating func elementsOf(_ tokens: [UInt32], assigningNew: Bool) -> [UInt32] {
        if let largest = tokens.max(), Int(largest) >= occurrences.count {
            occurrences.append(contentsOf: repeatElement(0, count: Int(largest) + 1 - occurrences.count))
        }
        if firstOccurrenceElement.count < occurrences.count {
            firstOccurrenceElement.append(contentsOf: repeatElement(Self.unseen, count: occurrences.count - firstOccurrenceElement.count))
        }
        var elements: [UInt32] = []
        elements.reserveCapacity(tokens.count)
        for token in tokens {
            let occurrence = occurrences[Int(token)]
            occurrences[Int(token)] = occurrence + 1
            let key = UInt64(token) << 32 | UInt64(occurrence)
            var element = occurrence == 0 ? firstOccurrenceElement[Int(token)] : (laterOccurrenceElement[key] ?? Self.unseen)
            if element == Self.unseen && assigningNew {
                element = UInt32(elementRank.count)
                if occurrence == 0 { firstOccurrenceElement[Int(token)] = element } else { laterOccurrenceElement[key] = element }
                elementRank.append(1 << 32 | UInt64(element))
                documentFrequency.append(0)
                postings.append([])
            }
            elements.append(element)
        }
        for token in tokens { occurrences[Int(token)] = 0 }
        return elements
    }

    // MARK: - Bounds

    /// The fewest shared elements two texts of these lengths need to match: 2·o/(m+n) > t.
    @inline(__always)
    private func requiredOverlap(_ length: Int, _ otherLength: Int) -> Int {
        let bound = safeThreshold * Double(length + otherLength) / 2
        return max(1, Int((bound - 1e-9 * max(1, bound)).rounded(.up)))
    }

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
