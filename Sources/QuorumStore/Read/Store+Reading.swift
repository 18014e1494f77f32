import GRDB

extension Store {
    /// One page of the items awaiting review (pending or streaming), oldest first.
    /// Pass the last id of a page as `after` to get the next one.
    public func reviewQueue(after lastID: Int64 = 0, limit: Int = 50) async throws -> [ItemDetail] {
        try await queuePage(QueueSelection(statuses: ItemStatus.awaitingReview), after: .id(lastID), limit: limit)
    }

    /// One page of the items in any of `statuses`, by id.
    public func items(withStatus statuses: [ItemStatus], after lastID: Int64 = 0, limit: Int = 50) async throws -> [ItemDetail] {
        try await read { db in
            let items = try Item
                .filter(statuses.map(\.rawValue).contains(Column("status")) && Column("id") > lastID)
                .order(Column("id")).limit(limit).fetchAll(db)
            return try Self.details(of: items, db)
        }
    }

    public func item(_ id: Int64) async throws -> ItemDetail {
        try await read { db in
            guard let item = try Item.fetchOne(db, key: id) else { throw StoreError.unknownItem(id) }
            return try Self.details(of: [item], db)[0]
        }
    }

    /// The item's whole log, oldest first, each event marked active or undone.
    public func history(of itemID: Int64) async throws -> [LoggedDecision] {
        try await read { db in
            let log = try Decision.filter(Column("item_id") == itemID).order(Column("id")).fetchAll(db)
            let active = ItemStateDerivation.activeEventIDs(log)
            return log.map { LoggedDecision(decision: $0, isActive: active.contains($0.id!)) }
        }
    }

    /// `PRAGMA integrity_check`'s report: `["ok"]` for a sound file.
    public func integrityCheck() async throws -> [String] {
        try await read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    static func details(of items: [Item], _ db: Database) throws -> [ItemDetail] {
        let setIDs = items.compactMap(\.currentSetID)
        let sets = Dictionary(
            uniqueKeysWithValues: try CandidateSet.fetchAll(db, keys: setIDs).map { ($0.id!, $0) })
        let candidates = Dictionary(
            grouping: try Candidate.filter(setIDs.contains(Column("set_id")))
                .order(Column("set_id"), Column("position")).fetchAll(db),
            by: \.setID)
        let itemIDs = items.compactMap(\.id)
        var logPositions: [Int64: Int64] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT item_id, MAX(id) FROM decisions WHERE item_id IN (SELECT value FROM json_each(?)) GROUP BY item_id
            """, arguments: [jsonIDList(itemIDs)]) {
            logPositions[row[0]] = row[1]
        }
        return items.map { item in
            let setID = item.currentSetID ?? 0
            let set = sets[setID] ?? CandidateSet(id: setID, itemID: item.id!, ordinal: 0, createdAt: item.createdAt)
            return ItemDetail(
                item: item, candidateSet: set, candidates: candidates[setID] ?? [], logPosition: logPositions[item.id!] ?? 0)
        }
    }
}
