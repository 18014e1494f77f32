import GRDB

extension StoreTransaction {
    /// The item's state as its log says, ignoring the cached columns.
    public func derivedState(of itemID: Int64) throws -> DerivedItemState {
        try ItemLogContext(db: db, itemID: itemID).derive()
    }

    /// Ids of the item's events still in force (not undone), oldest first.
    public func activeDecisionIDs(of itemID: Int64) throws -> [Int64] {
        let context = try ItemLogContext(db: db, itemID: itemID)
        let active = context.activeEventIDs
        return context.log.compactMap(\.id).filter(active.contains)
    }

    /// Recomputes the item's cached state from its log and stores it.
    @discardableResult
    func writeDerivedState(of itemID: Int64) throws -> DerivedItemState {
        let state = try derivedState(of: itemID)
        try writeCachedState(state, of: itemID)
        return state
    }

    /// Stores the derived state, and the margin and fragility of the current set it names. One
    /// curator's decision leaves nothing contested (the mark a team's store copied in had).
    func writeCachedState(_ state: DerivedItemState, of itemID: Int64) throws {
        try db.cachedStatement(sql: """
            UPDATE items SET status = ?, output = CAST(? AS TEXT), chosen = ?, current_set_id = ?, contested = 0,
                margin = (SELECT consensus_margin FROM candidate_sets WHERE id = ?),
                fragility = (SELECT consensus_fragility FROM candidate_sets WHERE id = ?)
            WHERE id = ?
            """).execute(arguments: [
                state.status.rawValue, textArgument(state.output), state.chosen, state.currentSetID, state.currentSetID,
                state.currentSetID, itemID,
            ])
    }

    /// Ids of items whose cached state differs from their log's derivation, or whose cached
    /// margin or fragility is not their current set's.
    public func itemsWithStaleState() throws -> [Int64] {
        var stale = Set(try Int64.fetchAll(db, sql: """
            SELECT i.id FROM items i LEFT JOIN candidate_sets s ON s.id = i.current_set_id
            WHERE i.margin IS NOT s.consensus_margin OR i.fragility IS NOT s.consensus_fragility
            """))
        let items = try Item.order(Column("id")).fetchCursor(db)
        while let item = try items.next() {
            if try derivedState(of: item.id!) != item.derivedState {
                stale.insert(item.id!)
            }
        }
        return stale.sorted()
    }

    /// Rewrites every item's cached state from its log; returns how many were stale.
    @discardableResult
    public func rebuildDerivedState() throws -> Int {
        let stale = try itemsWithStaleState()
        for itemID in stale {
            try writeDerivedState(of: itemID)
        }
        return stale.count
    }
}
