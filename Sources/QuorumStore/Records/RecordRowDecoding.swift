import Foundation
import GRDB

// Records decoded column by column: GRDB's Codable path runs a JSONDecoder for each array
// column, which made reading a queue page of 100 items cost ~30 µs an item.

/// The error a column that does not decode is reported with.
private func invalidColumn(_ table: String, _ column: String, _ problem: String) -> StoreError {
    StoreError.invalid("\(table).\(column): \(problem)")
}

extension Row {
    func decodedEnum<Value: RawRepresentable>(_ column: String, of table: String) throws -> Value
    where Value.RawValue == String {
        guard let value: Value = try optionalEnum(column, of: table) else {
            throw invalidColumn(table, column, "missing")
        }
        return value
    }

    func optionalEnum<Value: RawRepresentable>(_ column: String, of table: String) throws -> Value?
    where Value.RawValue == String {
        guard let raw: String = self[column] else { return nil }
        guard let value = Value(rawValue: raw) else {
            throw invalidColumn(table, column, "unknown value \"\(raw)\"")
        }
        return value
    }

    /// A JSON array column read with the store's own parser.
    func jsonArray(_ column: String, of table: String) throws -> [JSONValue]? {
        guard let text = text(named: column) else { return nil }
        guard case .array(let values) = try JSONParser.parse(Array(text.utf8)) else {
            throw invalidColumn(table, column, "expected a JSON array")
        }
        return values
    }
}

extension JSONValue {
    func number(in table: String, _ column: String) throws -> Double {
        guard case .number(let value) = self else {
            throw invalidColumn(table, column, "expected numbers, found \(typeName)")
        }
        return value
    }
}

extension Item {
    public init(row: Row) throws {
        let table = Self.databaseTableName
        id = row["id"]
        runID = row["run_id"]
        type = try row.decodedEnum("type", of: table)
        instruction = row.text(named: "instruction") ?? ""
        input = row.text(named: "input") ?? ""
        generator = row.text(named: "generator")
        seedIDs = try (row.jsonArray("seed_ids", of: table) ?? []).map { value in
            guard case .string(let text) = value else {
                throw invalidColumn(table, "seed_ids", "expected strings, found \(value.typeName)")
            }
            return text
        }
        createdAt = row["created_at"]
        status = try row.decodedEnum("status", of: table)
        output = row.text(named: "output")
        chosen = row["chosen"]
        currentSetID = row["current_set_id"]
    }
}

extension CandidateSet {
    public init(row: Row) throws {
        let table = Self.databaseTableName
        id = row["id"]
        itemID = row["item_id"]
        ordinal = row["ordinal"]
        createdAt = row["created_at"]
        consensusChoice = row["consensus_choice"]
        consensusRule = try row.optionalEnum("consensus_rule", of: table)
        consensusScores = try row.jsonArray("consensus_scores", of: table)?.map { try $0.number(in: table, "consensus_scores") }
        consensusMargin = row["consensus_margin"]
        consensusMatrix = try row.jsonArray("consensus_matrix", of: table)?.map { line in
            guard case .array(let cells) = line else {
                throw invalidColumn(table, "consensus_matrix", "expected rows of numbers")
            }
            return try cells.map { try $0.number(in: table, "consensus_matrix") }
        }
        consensusDiscard = try row.optionalEnum("consensus_discard", of: table)
    }
}

extension Candidate {
    public init(row: Row) throws {
        id = row["id"]
        setID = row["set_id"]
        position = row["position"]
        member = row.text(named: "member") ?? ""
        text = row.text(named: "text") ?? ""
        promptTokens = row["prompt_tokens"]
        completionTokens = row["completion_tokens"]
        latencyMilliseconds = row["latency_ms"]
        error = row.text(named: "error")
    }
}
