import GRDB

/// A cursor over rows sorted by item id (column 0), read alongside the items cursor:
/// a merge join that streams a whole export with three statements.
/// `current` stays valid only until `advance()`.
struct OrderedRows {
    private let cursor: RowCursor
    private(set) var current: Row?

    init(_ cursor: RowCursor) throws {
        self.cursor = cursor
        current = try cursor.next()
    }

    var itemID: Int64? { current.map { $0[0] } }

    mutating func advance() throws {
        current = try cursor.next()
    }

    /// Skips the rows of items before `itemID`, which the export did not select.
    mutating func skip(before itemID: Int64) throws {
        while let id = self.itemID, id < itemID { try advance() }
    }
}
