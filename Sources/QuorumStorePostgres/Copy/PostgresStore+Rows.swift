// QuorumStorePostgres/Copy: Rows in and out of PostgreSQL, and `quorum store copy` between any two stores.

import PostgresNIO
import QuorumStore

extension PostgresStore {
    /// Every row of every table (`StoreTableLayout`), from one snapshot.
    public func readRows() async throws -> StoreRows {
        try await transaction(isolation: .repeatableRead) { connection in
            try await Self.readRows(connection, self)
        }
    }

    /// The rows of every table, or of those rows `condition` names a WHERE clause for.
    static func readRows(
        _ connection: PostgresConnection, _ store: PostgresStore, where condition: (StoreTable) -> String? = { _ in nil }
    ) async throws -> StoreRows {
        var rows = StoreRows()
        for table in StoreTableLayout.tables {
            let columns = table.columns.map(Self.selected).joined(separator: ", ")
            let filter = condition(table).map { " WHERE " + $0 } ?? ""
            let sequence = try await connection.run(
                PostgresQuery(unsafeSQL: "SELECT \(columns) FROM \(table.name)\(filter) ORDER BY \(table.orderBy)"), store)
            var tableRows: [[StoreCell]] = []
            for try await row in sequence {
                let cells = Array(row)
                tableRows.append(try table.columns.indices.map { try cell(cells[$0], table.columns[$0].kind) })
            }
            rows.tables[table.name] = tableRows
        }
        return rows
    }

    /// Writes `rows` into this store, which must hold nothing yet, keeping their ids.
    public func writeRows(_ rows: StoreRows) async throws {
        try await transaction { connection in
            try await Self.lockTables(connection, self)
            let runs = try await connection.run("SELECT COUNT(*) FROM runs", self).decode(Int64.self).first { _ in true } ?? 0
            guard runs == 0 else { throw PostgresStoreError.notEmpty(location.description) }
            try await Self.insert(rows, connection, self)
        }
    }

    /// Writes `rows` after this store's existing rows, their ids shifted past the existing
    /// ones, in one transaction; returns the rows as stored.
    func appendRows(_ rows: StoreRows) async throws -> StoreRows {
        try await transaction { connection in
            try await Self.lockTables(connection, self)
            let offsets = try await Self.largestIDs(connection, self)
            let shifted = rows.shifted(by: offsets)
            try await Self.insert(shifted, connection, self)
            if case .integer(let runID)? = shifted.rows(of: "runs").first?.first {
                try await Self.announce(.imported(runID: runID, items: shifted.itemCount), connection, self)
            }
            return shifted
        }
    }

    /// Each table's largest id (0 when empty): how far rows appended after its own are shifted.
    static func largestIDs(_ connection: PostgresConnection, _ store: PostgresStore) async throws -> [String: Int64] {
        var largest: [String: Int64] = [:]
        for table in StoreTableLayout.tables where table.hasID {
            largest[table.name] = try await connection.run(
                PostgresQuery(unsafeSQL: "SELECT COALESCE(MAX(id), 0) FROM \(table.name)"), store
            ).decode(Int64.self).first { _ in true } ?? 0
        }
        return largest
    }

    /// Writers wait while rows are appended with ids chosen here; readers do not.
    static func lockTables(_ connection: PostgresConnection, _ store: PostgresStore) async throws {
        let names = StoreTableLayout.tables.map(\.name).joined(separator: ", ")
        try await connection.run(PostgresQuery(unsafeSQL: "LOCK TABLE \(names) IN SHARE ROW EXCLUSIVE MODE"), store)
    }

    /// Multi-row INSERTs under the protocol's limit of 65,535 parameters, then each identity
    /// moved past the largest id, so the next row the store makes does not collide.
    static func insert(_ rows: StoreRows, _ connection: PostgresConnection, _ store: PostgresStore) async throws {
        for table in StoreTableLayout.tables {
            let tableRows = rows.rows(of: table.name)
            let width = table.columns.count
            let perStatement = max(1, 30_000 / width)
            var start = 0
            while start < tableRows.count {
                let chunk = tableRows[start..<min(start + perStatement, tableRows.count)]
                var bindings = PostgresBindings(capacity: chunk.count * width)
                var tuples: [String] = []
                tuples.reserveCapacity(chunk.count)
                for row in chunk {
                    let first = bindings.count
                    for cell in row { append(cell, to: &bindings) }
                    tuples.append("(" + table.columns.indices.map { Self.placeholder(first + $0 + 1, table.columns[$0]) }
                        .joined(separator: ", ") + ")")
                }
                let names = table.columns.map(\.name).joined(separator: ", ")
                try await connection.run(PostgresQuery(
                    unsafeSQL: "INSERT INTO \(table.name) (\(names)) VALUES \(tuples.joined(separator: ", "))",
                    binds: bindings), store)
                start += chunk.count
            }
            if table.hasID {
                try await connection.run(PostgresQuery(unsafeSQL: """
                    SELECT setval(pg_get_serial_sequence('\(table.name)', 'id'), \
                    GREATEST((SELECT COALESCE(MAX(id), 0) FROM \(table.name)), 1), \
                    (SELECT COUNT(*) > 0 FROM \(table.name)))
                    """), store)
            }
        }
    }

    /// A column as a copy reads it: a flag as 0 or 1.
    static func selected(_ column: StoreColumn) -> String {
        column.kind == .flag ? "(CASE WHEN \(column.name) THEN 1 ELSE 0 END)::int8" : column.name
    }

    /// The parameter that writes `column`: a flag from the 0 or 1 a copy carries.
    static func placeholder(_ number: Int, _ column: StoreColumn) -> String {
        column.kind == .flag ? "($\(number)::int8 <> 0)" : "$\(number)"
    }

    static func append(_ cell: StoreCell, to bindings: inout PostgresBindings) {
        switch cell {
        case .null: bindings.appendNull()
        case .integer(let value): bindings.append(value)
        case .real(let value): bindings.append(value)
        case .text(let value): bindings.append(value)
        }
    }

    private static func cell(_ cell: PostgresCell, _ kind: StoreColumn.Kind) throws -> StoreCell {
        guard cell.bytes != nil else { return .null }
        switch kind {
        case .integer, .flag: return .integer(try cell.decode(Int64.self))
        case .real: return .real(try cell.decode(Double.self))
        case .text: return .text(try cell.decode(String.self))
        }
    }
}
