import GRDB

/// One item's candidate sets and log, read inside the current transaction.
struct ItemLogContext {
    let itemID: Int64
    let initialSetID: Int64
    private(set) var sets: [Int64: CandidateSetSummary]
    private(set) var log: [Decision]

    init(db: Database, itemID: Int64) throws {
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM items WHERE id = ?"), arguments: [itemID]) != nil else {
            throw StoreError.unknownItem(itemID)
        }
        self.itemID = itemID
        let setRows = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT id, consensus_rule IS NOT NULL, consensus_choice
                FROM candidate_sets WHERE item_id = ? ORDER BY ordinal
                """),
            arguments: [itemID])
        var texts: [Int64: [String?]] = [:]
        let candidateRows = try Row.fetchCursor(
            db.cachedStatement(sql: """
                SELECT c.set_id, c.position, c.text, c.error IS NOT NULL
                FROM candidates c JOIN candidate_sets s ON s.id = c.set_id
                WHERE s.item_id = ? ORDER BY c.set_id, c.position
                """),
            arguments: [itemID])
        while let row = try candidateRows.next() {
            let setID: Int64 = row[0]
            let position: Int = row[1]
            let failed: Bool = row[3]
            var list = texts[setID, default: []]
            while list.count <= position { list.append(nil) }
            list[position] = failed ? nil : (row.text(atIndex: 2) ?? "")
            texts[setID] = list
        }
        var sets: [Int64: CandidateSetSummary] = [:]
        for row in setRows {
            let id: Int64 = row[0]
            sets[id] = CandidateSetSummary(id: id, isDecided: row[1], choice: row[2], texts: texts[id] ?? [])
        }
        self.sets = sets
        self.initialSetID = setRows.first?[0] ?? 0
        self.log = try Decision.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM decisions WHERE item_id = ? ORDER BY id"), arguments: [itemID])
    }

    /// The context once `decision` (and, for a rerun, its new set) is stored.
    mutating func record(_ decision: Decision, newSet: CandidateSetSummary?) {
        log.append(decision)
        if let newSet { sets[newSet.id] = newSet }
    }

    var activeEventIDs: Set<Int64> { ItemStateDerivation.activeEventIDs(log) }

    func derive() -> DerivedItemState {
        ItemStateDerivation.derive(initialSetID: initialSetID, sets: sets, log: log)
    }
}
