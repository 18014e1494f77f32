// QuorumStore/Filtering: What the engine's filters dropped, counted per run, stage and reason (the texts themselves
// are not kept).

/// Where in the pipeline the engine dropped something.
public enum FilterStage: String, Sendable, Codable, CaseIterable, Comparable {
    /// A generated instruction failed a heuristic filter or the novelty check.
    case instruction
    /// An instance (input and first output) was unparsable or empty.
    case instance

    public static func < (lhs: FilterStage, rhs: FilterStage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What a drop is counted under: its stage and a reason without the dropped text or scores,
/// so drops of the same kind add up ("too similar", not "too similar (0.74) to …").
public struct FilterDropKey: Sendable, Hashable {
    public var stage: FilterStage
    public var reason: String

    public init(stage: FilterStage, reason: String) {
        self.stage = stage
        self.reason = reason
    }
}

/// How many drops a stage and reason add up to (over every run, in `quorum stats`).
public struct FilterDropCount: Sendable, Equatable, Codable {
    public var stage: FilterStage
    public var reason: String
    public var count: Int

    public init(stage: FilterStage, reason: String, count: Int) {
        self.stage = stage
        self.reason = reason
        self.count = count
    }

    /// Per stage (instructions first), the most frequent reason first: how reports list them.
    public static func reportOrder(_ drops: [FilterDropCount]) -> [FilterDropCount] {
        drops.sorted { ($0.stage, -$0.count, $0.reason) < ($1.stage, -$1.count, $1.reason) }
    }
}
