/// One value of a stored row, as a backend-neutral copy carries it.
public enum StoreCell: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// One column of a stored table, by name and kind.
public struct StoreColumn: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case integer, real, text
        /// A yes or no: 0 or 1 in SQLite, a BOOLEAN in PostgreSQL.
        case flag
    }

    public let name: String
    public let kind: Kind
    /// The table whose ids the column holds (the table's own for `id`): appending rows after
    /// a store's existing ones shifts these by that table's offset.
    public let idOf: String?

    init(_ name: String, _ kind: Kind, idOf: String? = nil) {
        self.name = name
        self.kind = kind
        self.idOf = idOf
    }
}

/// One stored table: its columns, and the order its rows are read in.
public struct StoreTable: Sendable, Equatable {
    public let name: String
    public let columns: [StoreColumn]
    public let orderBy: String
    /// Whether the table's `id` is given by the store (a sequence), as opposed to a composite key.
    public var hasID: Bool { columns.first?.name == "id" }
}

/// The tables of schema version 7, parents before the tables that refer to them, each with
/// every column: what a copy between backends carries.
public enum StoreTableLayout {
    /// The SQLite schema version the layout describes.
    public static let schemaVersion = 7

    public static let tables: [StoreTable] = [
        StoreTable(name: "runs", columns: [
            StoreColumn("id", .integer, idOf: "runs"), StoreColumn("started_at", .text), StoreColumn("source", .text),
            StoreColumn("config_json", .text), StoreColumn("config_hash", .text),
        ], orderBy: "id"),
        StoreTable(name: "items", columns: [
            StoreColumn("id", .integer, idOf: "items"), StoreColumn("run_id", .integer, idOf: "runs"),
            StoreColumn("type", .text), StoreColumn("instruction", .text), StoreColumn("input", .text),
            StoreColumn("generator", .text), StoreColumn("seed_ids", .text), StoreColumn("created_at", .text),
            StoreColumn("status", .text), StoreColumn("output", .text), StoreColumn("chosen", .integer),
            StoreColumn("current_set_id", .integer, idOf: "candidate_sets"), StoreColumn("margin", .real),
            StoreColumn("fragility", .real), StoreColumn("contested", .flag),
        ], orderBy: "id"),
        StoreTable(name: "candidate_sets", columns: [
            StoreColumn("id", .integer, idOf: "candidate_sets"), StoreColumn("item_id", .integer, idOf: "items"),
            StoreColumn("ordinal", .integer), StoreColumn("created_at", .text), StoreColumn("consensus_choice", .integer),
            StoreColumn("consensus_rule", .text), StoreColumn("consensus_scores", .text),
            StoreColumn("consensus_margin", .real), StoreColumn("consensus_matrix", .text),
            StoreColumn("consensus_discard", .text), StoreColumn("consensus_fragility", .real),
        ], orderBy: "id"),
        StoreTable(name: "candidates", columns: [
            StoreColumn("id", .integer, idOf: "candidates"), StoreColumn("set_id", .integer, idOf: "candidate_sets"),
            StoreColumn("position", .integer), StoreColumn("member", .text), StoreColumn("text", .text),
            StoreColumn("prompt_tokens", .integer), StoreColumn("completion_tokens", .integer),
            StoreColumn("latency_ms", .real), StoreColumn("error", .text),
        ], orderBy: "id"),
        StoreTable(name: "decisions", columns: [
            StoreColumn("id", .integer, idOf: "decisions"), StoreColumn("item_id", .integer, idOf: "items"),
            StoreColumn("kind", .text), StoreColumn("set_id", .integer, idOf: "candidate_sets"),
            StoreColumn("candidate", .integer), StoreColumn("text", .text), StoreColumn("reason", .text),
            StoreColumn("target_id", .integer, idOf: "decisions"), StoreColumn("curator", .text),
            StoreColumn("at", .text), StoreColumn("note", .text), StoreColumn("batch_id", .integer, idOf: "decisions"),
        ], orderBy: "id"),
        StoreTable(name: "skips", columns: [
            StoreColumn("id", .integer, idOf: "skips"), StoreColumn("item_id", .integer, idOf: "items"),
            StoreColumn("curator", .text), StoreColumn("at", .text),
        ], orderBy: "id"),
        StoreTable(name: "filter_drops", columns: [
            StoreColumn("run_id", .integer, idOf: "runs"), StoreColumn("stage", .text), StoreColumn("reason", .text),
            StoreColumn("count", .integer),
        ], orderBy: "run_id, stage, reason"),
    ]

    /// The tables in the order a SQLite store takes their rows fast under deferred foreign
    /// keys: the sets and candidates before the items, so that no row waits for a parent whose
    /// arrival SQLite would check by scanning a child column without an index
    /// (`items.current_set_id`), once per row (a copy of 100,000 items did not end in 20 minutes).
    public static let insertionOrder: [StoreTable] = {
        let first = ["runs", "candidate_sets", "candidates"]
        return first.compactMap { name in tables.first { $0.name == name } } + tables.filter { !first.contains($0.name) }
    }()

    /// The WHERE clause that keeps `table`'s rows of the items `scope` lists (ids, or a query
    /// of them): the items, their sets, candidates, decisions and skips; nil for the tables
    /// that are not an item's (runs, filter drops).
    public static func condition(ofItems scope: String, in table: StoreTable) -> String? {
        switch table.name {
        case "items": return "id IN (\(scope))"
        case "candidate_sets", "decisions", "skips": return "item_id IN (\(scope))"
        case "candidates": return "set_id IN (SELECT id FROM candidate_sets WHERE item_id IN (\(scope)))"
        default: return nil
        }
    }
}
