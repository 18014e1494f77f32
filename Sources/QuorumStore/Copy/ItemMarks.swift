// QuorumStore/Copy: A store's rows as backend-neutral values: read from one snapshot, written into an empty store,
// merged into a copy kept current, and the marks that tell such a copy from its store.

/// What tells a mirror's items from the store they mirror, without reading the items: each
/// item's decisions (how many, the newest id) and skips, and the newest item. An item's row
/// changes only with a decision on it (or a new review policy, which its mirror checks
/// apart), and its log and skips only grow, so an item whose marks are the same on both
/// sides is the same.
public struct ItemMarks: Sendable, Equatable {
    public struct Log: Sendable, Equatable {
        public var count: Int
        public var newest: Int64

        public init(count: Int, newest: Int64) {
            self.count = count
            self.newest = newest
        }
    }

    public var latestItemID: Int64
    public var decisions: [Int64: Log]
    public var skips: [Int64: Int]

    public init(latestItemID: Int64, decisions: [Int64: Log], skips: [Int64: Int]) {
        self.latestItemID = latestItemID
        self.decisions = decisions
        self.skips = skips
    }

    /// The items `self` (the store) holds differently from `mirror`, or that `mirror` has not
    /// got at all, ascending.
    public func itemsChanged(since mirror: ItemMarks) -> [Int64] {
        var changed = Set<Int64>()
        for (itemID, log) in decisions where mirror.decisions[itemID] != log { changed.insert(itemID) }
        for itemID in mirror.decisions.keys where decisions[itemID] == nil { changed.insert(itemID) }
        for (itemID, count) in skips where mirror.skips[itemID] != count { changed.insert(itemID) }
        if latestItemID > mirror.latestItemID { changed.formUnion((mirror.latestItemID + 1)...latestItemID) }
        return changed.sorted()
    }

    /// Whether `mirror` holds an item or a decision this store lacks: it mirrors a later state
    /// (the store was restored from an older copy), and a merge, which never takes a decision
    /// back, cannot bring it in step.
    public func isBehind(_ mirror: ItemMarks) -> Bool {
        mirror.latestItemID > latestItemID
            || mirror.decisions.contains { itemID, log in (decisions[itemID]?.count ?? 0) < log.count }
            || mirror.skips.contains { itemID, count in (skips[itemID] ?? 0) < count }
    }
}
