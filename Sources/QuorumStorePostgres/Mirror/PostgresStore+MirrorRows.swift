// QuorumStorePostgres/Mirror: What a curator's workbench copies from a team's store: the rows of every item or of
// some, each item as that curator sees it.

import Foundation
import PostgresNIO
import QuorumStore

extension PostgresStore {
    /// Every row from one snapshot, each item as `curator` sees it (`applyView`).
    public func mirrorRows(viewedBy curator: String) async throws -> StoreRows {
        try await mirrorRows(scope: nil, viewedBy: curator)
    }

    /// The rows of `itemIDs` (their sets, candidates, decisions and skips) with every run and
    /// filter drop, each item as `curator` sees it.
    public func mirrorRows(items itemIDs: [Int64], viewedBy curator: String) async throws -> StoreRows {
        guard !itemIDs.isEmpty else { return StoreRows() }
        return try await mirrorRows(scope: itemIDs.map(String.init).joined(separator: ", "), viewedBy: curator)
    }

    /// The rows of the items after `itemID`, as `mirrorRows(items:viewedBy:)`.
    public func mirrorRows(itemsAfter itemID: Int64, viewedBy curator: String) async throws -> StoreRows {
        try await mirrorRows(scope: "SELECT id FROM items WHERE id > \(itemID)", viewedBy: curator)
    }

    /// The store's `ItemMarks`, its identity and its team's policy, from one snapshot: what a
    /// curator's mirror is checked against.
    public func mirrorMarks() async throws -> (identity: UUID, policy: TeamPolicy, marks: ItemMarks) {
        try await transaction(isolation: .repeatableRead) { connection in
            let identity = try await connection.run("SELECT id FROM quorum_identity", self).decode(UUID.self).first { _ in true }
            guard let identity else { throw PostgresStoreError.refused("\(location) has no identity (quorum_identity is empty)") }
            let policy = try await Self.teamPolicy(connection, self, lock: false)
            var decisions: [Int64: ItemMarks.Log] = [:]
            for try await (itemID, count, newest) in try await connection.run(
                "SELECT item_id, COUNT(*), MAX(id) FROM decisions GROUP BY item_id", self
            ).decode((Int64, Int, Int64).self) {
                decisions[itemID] = ItemMarks.Log(count: count, newest: newest)
            }
            var skips: [Int64: Int] = [:]
            for try await (itemID, count) in try await connection.run(
                "SELECT item_id, COUNT(*) FROM skips GROUP BY item_id", self
            ).decode((Int64, Int).self) {
                skips[itemID] = count
            }
            let latest = try await connection.run("SELECT COALESCE(MAX(id), 0) FROM items", self)
                .decode(Int64.self).first { _ in true } ?? 0
            return (identity, policy, ItemMarks(latestItemID: latest, decisions: decisions, skips: skips))
        }
    }

    /// `scope` lists the items (ids, or a query of them); nil for all.
    private func mirrorRows(scope: String?, viewedBy curator: String) async throws -> StoreRows {
        try await transaction(isolation: .repeatableRead) { connection in
            var rows = try await Self.readRows(connection, self) { table in
                scope.flatMap { StoreTableLayout.condition(ofItems: $0, in: table) }
            }
            try await Self.applyView(of: curator, to: &rows, connection, self)
            return rows
        }
    }

    /// Under a policy of several reviews per item, an item `curator` has reviewed that still
    /// waits for the others' reviews shows `curator`'s own outcome (the log of their decisions
    /// and every rerun): decided, for them, and out of their queue. The team's state is what
    /// exports and statistics read.
    static func applyView(of curator: String, to rows: inout StoreRows, _ connection: PostgresConnection, _ store: PostgresStore) async throws {
        let policy = try await teamPolicy(connection, store, lock: false)
        guard policy.reviewsPerItem > 1, var items = rows.tables["items"], !items.isEmpty else { return }
        let reviewed = Set(try await connection.run("""
            SELECT r.item_id FROM item_reviewers r JOIN items i ON i.id = r.item_id
            WHERE r.curator = \(curator) AND i.status = 'pending'
            """, store).decode(Int64.self).collect())
        let columns = StoreTableLayout.tables.first { $0.name == "items" }!.columns.map(\.name)
        let id = columns.firstIndex(of: "id")!, status = columns.firstIndex(of: "status")!
        let output = columns.firstIndex(of: "output")!, chosen = columns.firstIndex(of: "chosen")!
        var rowOfItem: [Int64: Int] = [:]
        for (index, row) in items.enumerated() {
            if case .integer(let itemID) = row[id], reviewed.contains(itemID) { rowOfItem[itemID] = index }
        }
        guard !rowOfItem.isEmpty else { return }
        let logs = try await DecisionLog.read(itemIDs: Array(rowOfItem.keys), connection, store)
        for (itemID, index) in rowOfItem {
            guard let log = logs[itemID] else { continue }
            let own = log.log.filter { $0.curator == curator || $0.kind == .rerun }
            let state = ItemStateDerivation.derive(initialSetID: log.initialSetID, sets: log.sets, log: own)
            items[index][status] = .text(state.status.rawValue)
            items[index][output] = state.output.map(StoreCell.text) ?? .null
            items[index][chosen] = state.chosen.map { StoreCell.integer(Int64($0)) } ?? .null
        }
        rows.tables["items"] = items
    }
}
