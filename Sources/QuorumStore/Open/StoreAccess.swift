/// How a process opens a store.
public enum StoreAccess: Sendable, Equatable {
    /// Readers work alongside the writer: no lock, no creation, no migration.
    case read
    /// The single writer process; `command` names it to anyone it refuses.
    case write(command: String)
}

/// Knobs for opening a store.
public struct StoreOpenOptions: Sendable, Equatable {
    /// Caps the file at this many pages (`PRAGMA max_page_count`): a quota, and how tests
    /// make the disk look full without filling one.
    public var maximumPageCount: Int?
    /// How long a write waits for SQLite's own locks (checkpoints, readers' recovery).
    public var busyTimeoutSeconds: Double

    public init(maximumPageCount: Int? = nil, busyTimeoutSeconds: Double = 5) {
        self.maximumPageCount = maximumPageCount
        self.busyTimeoutSeconds = busyTimeoutSeconds
    }
}
