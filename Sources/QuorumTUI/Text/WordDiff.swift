import QuorumCore

/// A word-level diff of a candidate against the consensus choice, for the reader's `d`.
/// Words are runs of non-whitespace (each wide CJK character or emoji a word of its own),
/// compared exactly; each carries the whitespace after it, so the runs put back together read
/// as text. Linear memory (`LCSAlignment` switches to Hirschberg's method for long texts) and
/// bounded time: the common prefix and suffix are matched first, and a middle beyond
/// `cellLimit` is shown as replaced whole.
public struct WordDiff: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// In both texts (the range is the candidate's).
        case same
        /// In the choice only (the range is the choice's).
        case deleted
        /// In the candidate only (the range is the candidate's).
        case inserted
    }

    public struct Run: Sendable, Equatable {
        public var kind: Kind
        /// UTF-8 offsets into the choice for a deletion, into the candidate otherwise.
        public var bytes: Range<Int>
    }

    /// In reading order; at each change the deletions come before the insertions.
    public var runs: [Run]
    /// True when the middle was too long to align and is shown as one replacement.
    public var isApproximate: Bool

    /// About 16M word pairs: well under a second on one core.
    public static let cellLimit = 1 << 24

    public init(runs: [Run], isApproximate: Bool = false) {
        self.runs = runs
        self.isApproximate = isApproximate
    }

    /// `candidate` against `choice`.
    public init(candidate: String, choice: String) {
        let new = Self.pieces(candidate)
        let old = Self.pieces(choice)
        var ids: [Substring: UInt32] = [:]
        func id(_ word: Substring) -> UInt32 {
            if let known = ids[word] { return known }
            let next = UInt32(ids.count)
            ids[word] = next
            return next
        }
        let newIDs = new.map { id($0.word) }
        let oldIDs = old.map { id($0.word) }
        var prefix = 0
        while prefix < newIDs.count, prefix < oldIDs.count, newIDs[prefix] == oldIDs[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < newIDs.count - prefix, suffix < oldIDs.count - prefix,
              newIDs[newIDs.count - 1 - suffix] == oldIDs[oldIDs.count - 1 - suffix] {
            suffix += 1
        }
        let newMiddle = Array(newIDs[prefix..<(newIDs.count - suffix)])
        let oldMiddle = Array(oldIDs[prefix..<(oldIDs.count - suffix)])
        let (cells, overflow) = newMiddle.count.multipliedReportingOverflow(by: oldMiddle.count)
        var pairs: [(new: Int, old: Int)] = (0..<prefix).map { ($0, $0) }
        var approximate = false
        if overflow || cells > Self.cellLimit {
            approximate = true
        } else {
            let common = LCSAlignment.commonTokenIndices(newMiddle, oldMiddle)
            pairs += zip(common.a, common.b).map { ($0 + prefix, $1 + prefix) }
        }
        pairs += (0..<suffix).map { (newIDs.count - suffix + $0, oldIDs.count - suffix + $0) }

        var builder = RunBuilder()
        var nextNew = 0
        var nextOld = 0
        for pair in pairs + [(new.count, old.count)] {
            for index in nextOld..<pair.old { builder.add(.deleted, old[index].bytes) }
            for index in nextNew..<pair.new { builder.add(.inserted, new[index].bytes) }
            if pair.new < new.count { builder.add(.same, new[pair.new].bytes) }
            nextNew = pair.new + 1
            nextOld = pair.old + 1
        }
        self.init(runs: builder.runs, isApproximate: approximate)
    }

    public var changeCount: Int { runs.filter { $0.kind != .same }.count }

    /// A word and the whitespace after it (the first also takes any whitespace before it).
    struct Piece {
        var word: Substring
        var bytes: Range<Int>
    }

    static func pieces(_ text: String) -> [Piece] {
        var words: [(start: String.Index, end: String.Index, offset: Int)] = []
        var wordStart: (index: String.Index, offset: Int)?
        var offset = 0
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if scalar.properties.isWhitespace {
                if let start = wordStart { words.append((start.index, index, start.offset)) }
                wordStart = nil
            } else if DisplayWidth.ofBase(scalar) == 2 {
                // CJK and emoji have no spaces between words: each is a word of its own.
                if let start = wordStart { words.append((start.index, index, start.offset)) }
                words.append((index, next, offset))
                wordStart = nil
            } else if wordStart == nil {
                wordStart = (index, offset)
            }
            offset += scalar.utf8.count
            index = next
        }
        if let start = wordStart { words.append((start.index, scalars.endIndex, start.offset)) }
        return words.indices.map { position in
            let lower = position == 0 ? 0 : words[position].offset
            let upper = position + 1 < words.count ? words[position + 1].offset : offset
            return Piece(word: text[words[position].start..<words[position].end], bytes: lower..<upper)
        }
    }

    private struct RunBuilder {
        var runs: [Run] = []

        mutating func add(_ kind: Kind, _ bytes: Range<Int>) {
            if let last = runs.last, last.kind == kind, last.bytes.upperBound == bytes.lowerBound {
                runs[runs.count - 1].bytes = last.bytes.lowerBound..<bytes.upperBound
            } else {
                runs.append(Run(kind: kind, bytes: bytes))
            }
        }
    }
}
