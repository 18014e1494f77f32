import Foundation
import QuorumCore
import QuorumStore

/// Fills a store with a reproducible, realistic-looking workload for `quorum bench store`:
/// instructions, inputs and candidates of plausible lengths (with quotes, newlines and
/// non-ASCII text, so escaping is exercised) and a spread of curator decisions.
public enum SyntheticStore {
    public struct Shape: Sendable {
        public var items: Int
        public var candidatesPerItem: Int
        public var seed: UInt64
        public var itemsPerTransaction = 5_000

        public init(items: Int, candidatesPerItem: Int, seed: UInt64 = 42) {
            self.items = items
            self.candidatesPerItem = candidatesPerItem
            self.seed = seed
        }
    }

    static let members = ["falcon-40b", "flan-t5-xxl", "flan-ul2", "mpt-7b", "gpt-neox-20b"]
    static let words = """
        the a of to and in is for that with as on by this be are from or it an at which can each \
        list write give describe explain summarise classify translate rewrite generate compare identify \
        sentence paragraph word number answer question story poem email title summary example reason \
        following given text input output data table city country river animal colour food music film \
        first second third best worst short long simple clear formal informal positive negative neutral \
        café naïve résumé Zürich 東京 数据 señor façade "quoted" it's don't e.g. i.e. 42 3.14 100%
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// Adds `shape.items` items to `store` (opened for writing); returns how many it added.
    @discardableResult
    public static func populate(_ store: Store, shape: Shape) async throws -> Int {
        let runID = try await store.write { transaction in
            try transaction.beginRun(source: "bench", configJSON: #"{"synthetic": true}"#).id!
        }
        var start = 0
        while start < shape.items {
            let range = start..<min(start + shape.itemsPerTransaction, shape.items)
            try await store.write { transaction in
                for index in range {
                    try addItem(index, runID: runID, shape: shape, to: transaction)
                }
            }
            start = range.upperBound
        }
        return shape.items
    }

    private static func addItem(_ index: Int, runID: Int64, shape: Shape, to transaction: StoreTransaction) throws {
        var random = SplitMix64(seed: shape.seed &+ UInt64(index) &* 0x9E37_79B9)
        let count = shape.candidatesPerItem
        let candidates = (0..<count).map { position in
            NewCandidate(
                member: members[position % members.count], text: sentence(&random, words: 15...80),
                promptTokens: Int(random.next() % 900) + 100, completionTokens: Int(random.next() % 200) + 10,
                latencyMilliseconds: Double(random.next() % 4_000) / 10)
        }
        let discarded = random.next() % 100 < 3
        let choice = discarded ? nil : Int(random.next() % UInt64(count))
        let matrix = (0..<count).map { row in
            (0..<count).map { column in row == column ? 1 : Double(random.next() % 1_000) / 1_000 }
        }
        let scores = matrix.indices.map { row in matrix[row].indices.filter { $0 != row }.reduce(0) { $0 + matrix[row][$1] } }
        let consensus = ConsensusResult(
            choice: choice, rule: random.next() % 10 == 0 ? .exact : .rouge, scores: scores,
            margin: Double(random.next() % 500) / 1_000, matrix: matrix, discard: discarded ? .noAgreement : nil)
        let typeB = random.next() % 100 < 35
        let item = try transaction.insertItem(NewItem(
            runID: runID, instruction: sentence(&random, words: 8...25),
            input: typeB ? "" : sentence(&random, words: 5...40), generator: members[0],
            seedIDs: ["seed_task_\(random.next() % 175)"],
            candidateSet: NewCandidateSet(candidates: candidates, consensus: consensus)))
        let roll = random.next() % 100
        let itemID = item.id!
        switch roll {
        case 0..<70 where !discarded:
            try transaction.append(.accept, to: itemID, curator: "bench")
        case 0..<78:
            try transaction.append(.override(candidate: Int(random.next() % UInt64(count))), to: itemID, curator: "bench")
        case 78..<83:
            try transaction.append(.edit(text: sentence(&random, words: 10...60), basedOn: choice), to: itemID, curator: "bench")
        case 83..<87:
            try transaction.append(.reject(reason: "off-topic"), to: itemID, curator: "bench")
        default:
            break
        }
    }

    private static func sentence(_ random: inout SplitMix64, words range: ClosedRange<Int>) -> String {
        let count = range.lowerBound + Int(random.next() % UInt64(range.count))
        var text = ""
        for index in 0..<count {
            if index > 0 { text += random.next() % 25 == 0 ? "\n" : " " }
            text += words[Int(random.next() % UInt64(words.count))]
        }
        return text + "."
    }
}

/// SplitMix64: small, fast and seedable, so a benchmark store is the same every run.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
