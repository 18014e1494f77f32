// QuorumCore: Pure text algorithms of the method, bit for bit as the references: tokenizer, stemmer,
// Rouge-L, LCS, consensus, novelty. No I/O, no other module.

/// Length of the longest common subsequence of token sequences, bit-parallel
/// (Allison–Dix, Hyyrö): the pattern is held as one match mask per distinct token and
/// each token of the other text costs a few word operations per 64 (or 128) positions,
/// with carries between words for long patterns.
///
/// The loops are branch-free: a token absent from the pattern maps to an all-zero mask
/// row (row 0). Since `matched = state & mask` is a subset of `state`, `state & ~mask`
/// equals `state ^ matched`, one instruction fewer per word.
public struct BitParallelLCS: Sendable {
    /// Indexed by token id: the token's row in `masks`; 0 (the zero row) when absent.
    /// Never empty once a pattern is loaded, and its last slot is always 0.
    private var rowOfToken: [Int32] = []
    private var masks: [UInt64] = []
    private var loadedTokens: [UInt32] = []
    public private(set) var patternLength = 0
    /// UInt64 words per mask row: 1 up to 64 positions, otherwise an even count (128-bit chunks).
    private var stride = 1

    public init() {}

    public mutating func load(_ pattern: [UInt32]) {
        pattern.withUnsafeBufferPointer { load($0) }
    }

    public mutating func load(_ pattern: UnsafeBufferPointer<UInt32>) {
        rowOfToken.withUnsafeMutableBufferPointer { rows in
            for token in loadedTokens { rows[Int(token)] = 0 }
        }
        loadedTokens.removeAll(keepingCapacity: true)
        loadedTokens.append(contentsOf: pattern)
        patternLength = pattern.count
        stride = pattern.count <= 64 ? 1 : ((pattern.count + 127) / 128) * 2
        // The last slot stays 0 for ever: lookups clamp unknown ids to it without a branch.
        if let largest = pattern.max(), Int(largest) + 1 >= rowOfToken.count {
            rowOfToken.append(contentsOf: repeatElement(0, count: max(Int(largest) + 2 - rowOfToken.count, rowOfToken.count)))
        }
        masks.removeAll(keepingCapacity: true)
        masks.append(contentsOf: repeatElement(0, count: (pattern.count + 1) * stride))
        let stride = self.stride
        rowOfToken.withUnsafeMutableBufferPointer { rows in
            masks.withUnsafeMutableBufferPointer { masks in
                // Branch-free: whether a token is new is data (about half the time in real text),
                // and a mispredicted branch per token cost more than the whole LCS of a row.
                var rowCount: Int32 = 0
                for position in 0..<pattern.count {
                    let token = Int(truncatingIfNeeded: pattern[position])
                    let known = rows[token]
                    let isNew = Int32(truncatingIfNeeded: (known == 0 ? 1 : 0) as Int)
                    rowCount &+= isNew
                    let row = known | (rowCount & (0 &- isNew))
                    rows[token] = row
                    masks[Int(truncatingIfNeeded: row) &* stride &+ position >> 6] |= 1 << UInt64(position & 63)
                }
            }
        }
    }

    public func length(against text: [UInt32]) -> Int {
        text.withUnsafeBufferPointer { length(against: $0) }
    }

    public func length(against text: UnsafeBufferPointer<UInt32>) -> Int {
        if patternLength == 0 || text.isEmpty { return 0 }
        return rowOfToken.withUnsafeBufferPointer { rows in
            masks.withUnsafeBufferPointer { masks in
                switch stride {
                case 1: return Self.singleWord(UInt64.self, text, rows, masks, patternLength)
                case 2: return Self.singleWord(UInt128.self, text, rows, masks, patternLength)
                case 4: return Self.word256(text, rows, masks, patternLength)
                default: return Self.chunked128(text, rows, masks, patternLength, stride / 2)
                }
            }
        }
    }

    private struct State256 {
        var low = UInt128.max
        var high = UInt128.max

        @inline(__always)
        mutating func advance(_ row: Int, _ masks: UnsafeBufferPointer<UInt64>) {
            let base = row &* 4
            let lowMatch = UInt128(masks[base &+ 1]) << 64 | UInt128(masks[base])
            let highMatch = UInt128(masks[base &+ 3]) << 64 | UInt128(masks[base &+ 2])
            let lowMatched = low & lowMatch
            let highMatched = high & highMatch
            let (lowSum, carry) = low.addingReportingOverflow(lowMatched)
            let highSum = high &+ highMatched &+ (carry ? 1 : 0)
            low = lowSum | (low ^ lowMatched)
            high = highSum | (high ^ highMatched)
        }

        func lcs(_ length: Int) -> Int {
            let tail = length - 128
            let used = tail == 128 ? UInt128.max : (1 << UInt128(tail)) - 1
            return (~low).nonzeroBitCount + (~high & used).nonzeroBitCount
        }
    }

    @inline(__always)
    private static func row(_ token: UInt32, _ rows: UnsafeBufferPointer<Int32>) -> Int {
        let index = min(Int(truncatingIfNeeded: token), rows.count &- 1)
        return Int(truncatingIfNeeded: rows[index])
    }

    /// One machine word (64 or 128 bits) covers the whole pattern.
    @inline(__always)
    private static func singleWord<Word: FixedWidthInteger & UnsignedInteger>(
        _: Word.Type, _ text: UnsafeBufferPointer<UInt32>, _ rows: UnsafeBufferPointer<Int32>,
        _ masks: UnsafeBufferPointer<UInt64>, _ length: Int
    ) -> Int {
        let bytes = UnsafeRawPointer(masks.baseAddress!)
        let rowBytes = MemoryLayout<Word>.size
        var state = Word.max
        for token in text {
            let match = bytes.loadUnaligned(fromByteOffset: row(token, rows) &* rowBytes, as: Word.self)
            let matched = state & match
            state = (state &+ matched) | (state ^ matched)
        }
        let used = length == Word.bitWidth ? Word.max : (1 << Word(length)) - 1
        return (~state & used).nonzeroBitCount
    }

    private static func word256(
        _ text: UnsafeBufferPointer<UInt32>, _ rows: UnsafeBufferPointer<Int32>,
        _ masks: UnsafeBufferPointer<UInt64>, _ length: Int
    ) -> Int {
        var state = State256()
        for token in text { state.advance(row(token, rows), masks) }
        return state.lcs(length)
    }

    private static func chunked128(
        _ text: UnsafeBufferPointer<UInt32>, _ rows: UnsafeBufferPointer<Int32>,
        _ masks: UnsafeBufferPointer<UInt64>, _ length: Int, _ chunks: Int
    ) -> Int {
        withUnsafeTemporaryAllocation(of: UInt128.self, capacity: chunks) { state in
            state.initialize(repeating: .max)
            for token in text {
                let base = row(token, rows) &* chunks &* 2
                var carry: UInt128 = 0
                for chunk in 0..<chunks {
                    let current = state[chunk]
                    let offset = base &+ 2 &* chunk
                    let match = UInt128(masks[offset &+ 1]) << 64 | UInt128(masks[offset])
                    let matched = current & match
                    let sum = current &+ matched &+ carry
                    // Carry out of a + b + c is the top bit of (a & b) | ((a | b) & ~sum); here b ⊆ a.
                    carry = (matched | (current & ~sum)) >> 127
                    state[chunk] = sum | (current ^ matched)
                }
            }
            var lcs = 0
            for chunk in 0..<(chunks - 1) { lcs += (~state[chunk]).nonzeroBitCount }
            let tail = length - (chunks - 1) * 128
            let used = tail == 128 ? UInt128.max : (1 << UInt128(tail)) - 1
            lcs += (~state[chunks - 1] & used).nonzeroBitCount
            return lcs
        }
    }
}
