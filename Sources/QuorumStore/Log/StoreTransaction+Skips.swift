import Foundation
import GRDB

extension StoreTransaction {
    /// Logs that `curator` put `itemID` off for later; the item's state does not change.
    public func skip(_ itemID: Int64, curator: String, at date: Date = Date()) throws {
        guard !curator.allSatisfy(\.isWhitespace) else { throw StoreError.invalid("a skip needs a curator name") }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM items WHERE id = ?", arguments: [itemID]) != nil else {
            throw StoreError.unknownItem(itemID)
        }
        try db.execute(
            sql: "INSERT INTO skips (item_id, curator, at) VALUES (?, CAST(? AS TEXT), ?)",
            arguments: [itemID, textArgument(curator), date])
    }

    /// How many times each curator skipped an item.
    public func skipCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT curator, COUNT(*) FROM skips GROUP BY curator") {
            counts[row[0]] = row[1]
        }
        return counts
    }
}
