/// Length of the longest common subsequence of token sequences, bit-parallel
/// (Allison–Dix, Hyyrö): the pattern is held as one match mask per distinct token,
/// one machine word per 64 positions, and each token of the other text costs a few
/// word operations per word, with carries between words for long patterns.
public struct BitParallelLCS: Sendable {
    /// Indexed by token id: the token's row in `masks`, or -1.
    private var rowOfToken: [Int32] = []
    private var masks: [UInt64] = []
    private var loadedTokens: [UInt32] = []
    public private(set) var patternLength = 0
    private var words = 0

    public init() {}

    public mutating func load(_ pattern: [UInt32]) {
        pattern.withUnsafeBufferPointer { load($0) }
    }

    public mutating func load(_ pattern: UnsafeBufferPointer<UInt32>) {
        for token in loadedTokens { rowOfToken[Int(token)] = -1 }
        loadedTokens.removeAll(keepingCapacity: true)
        masks.removeAll(keepingCapacity: true)
        patternLength = pattern.count
        words = (pattern.count + 63) / 64
        for (position, token) in pattern.enumerated() {
            let index = Int(token)
            if index >= rowOfToken.count {
                rowOfToken.append(contentsOf: repeatElement(-1, count: max(index + 1 - rowOfToken.count, rowOfToken.count)))
            }
            var row = Int(rowOfToken[index])
            if row < 0 {
                row = loadedTokens.count
                rowOfToken[index] = Int32(row)
                loadedTokens.append(token)
                masks.append(contentsOf: repeatElement(0, count: words))
            }
            masks[row * words + position / 64] |= 1 << UInt64(position % 64)
        }
    }

    public func length(against text: [UInt32]) -> Int {
        text.withUnsafeBufferPointer { length(against: $0) }
    }

    public func length(against text: UnsafeBufferPointer<UInt32>) -> Int {
        if patternLength == 0 || text.isEmpty { return 0 }
        return rowOfToken.withUnsafeBufferPointer { rows in
            masks.withUnsafeBufferPointer { masks in
                words == 1
                    ? Self.singleWord(text, rows, masks, patternLength)
                    : Self.multiWord(text, rows, masks, patternLength, words)
            }
        }
    }

    private static func singleWord(
        _ text: UnsafeBufferPointer<UInt32>, _ rows: UnsafeBufferPointer<Int32>,
        _ masks: UnsafeBufferPointer<UInt64>, _ length: Int
    ) -> Int {
        var state = UInt64.max
        let rowCount = rows.count
        for token in text {
            let index = Int(token)
            guard index < rowCount else { continue }
            let row = rows[index]
            guard row >= 0 else { continue }
            let match = masks[Int(row)]
            let matched = state & match
            state = (state &+ matched) | (state & ~match)
        }
        let used = length == 64 ? UInt64.max : (1 << UInt64(length)) - 1
        return (~state & used).nonzeroBitCount
    }

    private static func multiWord(
        _ text: UnsafeBufferPointer<UInt32>, _ rows: UnsafeBufferPointer<Int32>,
        _ masks: UnsafeBufferPointer<UInt64>, _ length: Int, _ words: Int
    ) -> Int {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words) { state in
            state.initialize(repeating: .max)
            let rowCount = rows.count
            for token in text {
                let index = Int(token)
                guard index < rowCount else { continue }
                let row = rows[index]
                guard row >= 0 else { continue }
                let base = Int(row) * words
                var carry: UInt64 = 0
                for word in 0..<words {
                    let current = state[word]
                    let match = masks[base + word]
                    let matched = current & match
                    let (partial, overflowA) = current.addingReportingOverflow(matched)
                    let (sum, overflowB) = partial.addingReportingOverflow(carry)
                    carry = (overflowA || overflowB) ? 1 : 0
                    state[word] = sum | (current & ~match)
                }
            }
            var lcs = 0
            for word in 0..<(words - 1) { lcs += (~state[word]).nonzeroBitCount }
            let tail = length - (words - 1) * 64
            let used = tail == 64 ? UInt64.max : (1 << UInt64(tail)) - 1
            lcs += (~state[words - 1] & used).nonzeroBitCount
            return lcs
        }
    }
}
