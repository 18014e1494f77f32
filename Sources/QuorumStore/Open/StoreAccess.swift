/// How a process opens a store.
public enum StoreAccess: Sendable, Equatable {
    /// Readers work alongside the writer: no lock, no creation, no migration.
    case read
    /// A writer; `command` names it to anyone it refuses. Several processes may write one
    /// store (SQLite's own locking, with a busy timeout, orders their transactions); only a
    /// run's (see `StoreOpenOptions.claimsRun`) is exclusive.
    case write(command: String)
}

/// Knobs for opening a store.
public struct StoreOpenOptions: Sendable, Equatable {
    /// Caps the file at this many pages (`PRAGMA max_page_count`): a quota, and how tests
    /// make the disk look full without filling one.
    public var maximumPageCount: Int?
    /// How long a write waits for SQLite's own locks (checkpoints, readers' recovery).
    public var busyTimeoutSeconds: Double
    /// For a writer: whether opening claims the store's run (`Store.claimRun`), the exclusive
    /// part: the engine's generation, an import, a benchmark. A writer of decisions alone
    /// (the workbench, a spot-check) opens without it and works beside a run.
    public var claimsRun: Bool

    public init(maximumPageCount: Int? = nil, busyTimeoutSeconds: Double = 5, claimsRun: Bool = true) {
        self.maximumPageCount = maximumPageCount
        self.busyTimeoutSeconds = busyTimeoutSeconds
        self.claimsRun = claimsRun
    }
}
