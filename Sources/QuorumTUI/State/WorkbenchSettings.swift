/// Knobs of the workbench that do not change while it runs.
public struct WorkbenchSettings: Sendable, Equatable {
    /// A consensus won by less than this margin is flagged as fragile.
    public var fragileMargin: Double
    /// Rows asked of the store at a time.
    public var pageSize: Int
    /// Item details are kept for this many rows either side of the cursor.
    public var detailWindow: Int

    public init(fragileMargin: Double = 0.05, pageSize: Int = 100, detailWindow: Int = 150) {
        self.fragileMargin = fragileMargin
        self.pageSize = pageSize
        self.detailWindow = detailWindow
    }
}
