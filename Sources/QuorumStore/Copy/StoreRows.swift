/// Every row of a store's tables, read from one snapshot: what `quorum store copy` moves.
public struct StoreRows: Sendable, Equatable {
    /// Rows by table name, each row's cells in the order of `StoreTableLayout`'s columns.
    public var tables: [String: [[StoreCell]]]

    public init(tables: [String: [[StoreCell]]] = [:]) {
        self.tables = tables
    }

    public func rows(of table: String) -> [[StoreCell]] { tables[table] ?? [] }

    public var itemCount: Int { rows(of: "items").count }
    public var decisionCount: Int { rows(of: "decisions").count }

    /// The rows with every id column shifted by its table's offset (tables missing from
    /// `offsets` keep their ids): rows appended after a store's existing ones.
    public func shifted(by offsets: [String: Int64]) -> StoreRows {
        guard offsets.values.contains(where: { $0 != 0 }) else { return self }
        var shifted = StoreRows()
        for table in StoreTableLayout.tables {
            let columnOffsets = table.columns.map { column in column.idOf.flatMap { offsets[$0] } ?? 0 }
            shifted.tables[table.name] = rows(of: table.name).map { row in
                zip(row, columnOffsets).map { cell, offset in
                    if case .integer(let id) = cell, offset != 0 { return .integer(id + offset) }
                    return cell
                }
            }
        }
        return shifted
    }

    /// "3 runs, 120 items, 125 candidate sets, …": what a copy moved.
    public var summary: String {
        StoreTableLayout.tables.map { table in
            let count = rows(of: table.name).count
            return "\(count) \(table.name.replacingOccurrences(of: "_", with: " "))"
        }.joined(separator: ", ")
    }
}
