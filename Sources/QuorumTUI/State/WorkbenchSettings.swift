/// Knobs of the workbench that do not change while it runs.
public struct WorkbenchSettings: Sendable, Equatable {
    /// A consensus at least this fragile (`ConsensusResult.fragility`) is flagged.
    public var fragileAbove: Double
    /// Rows asked of the store at a time.
    public var pageSize: Int
    /// Item details are kept for this many rows either side of the cursor.
    public var detailWindow: Int
    /// Colour is off (`NO_COLOR`): diffs write `[-…-]` and `{+…+}` around their changes.
    public var marksChangesInText = false
    /// Candidates mark the words they do not share with the choice (the default), or, after
    /// `h`, the words they share.
    public var highlightsShared = false

    public init(fragileAbove: Double = WorkbenchSettings.defaultFragileAbove, pageSize: Int = 100, detailWindow: Int = 150) {
        self.fragileAbove = fragileAbove
        self.pageSize = pageSize
        self.detailWindow = detailWindow
    }

    /// Half-way between a unanimous decision (0) and a coin toss (1).
    public static let defaultFragileAbove = 0.5
}
