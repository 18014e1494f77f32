import QuorumCore

/// The JSONL shapes `quorum export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// `{"instruction", "input", "output"}`, input "" for type B.
    case alpaca
    /// `{"conversations": [{"from": "human", "value"}, {"from": "gpt", "value"}]}`.
    case sharegpt
    /// Everything: every candidate set, candidate, consensus and the decision history.
    case full
}

/// What to export.
public struct ExportRequest: Sendable, Equatable {
    public var format: ExportFormat
    public var statuses: [ItemStatus]
    /// Only the items this filter passes, among those statuses; nil for all of them.
    public var filter: FilterExpression?

    public init(format: ExportFormat = .alpaca, statuses: [ItemStatus] = ItemStatus.curated, filter: FilterExpression? = nil) {
        self.format = format
        self.statuses = statuses
        self.filter = filter
    }
}

/// Where exported lines go.
public enum ExportDestination: Sendable, Equatable {
    case standardOutput
    /// Written to a temporary file beside `path`, synced, then renamed over it.
    case file(path: String)
}

/// What an export wrote.
public struct ExportSummary: Sendable, Equatable {
    public var lines: Int
    public var bytes: Int
    /// Selected items with no output (rejected, discarded, streaming), which alpaca and
    /// sharegpt cannot express.
    public var skippedWithoutOutput: Int

    public init(lines: Int, bytes: Int, skippedWithoutOutput: Int) {
        self.lines = lines
        self.bytes = bytes
        self.skippedWithoutOutput = skippedWithoutOutput
    }
}
