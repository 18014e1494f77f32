import Foundation
import GRDB
import QuorumJSON

// Records decoded column by column: GRDB's Codable path runs a JSONDecoder for each array
// column, which made reading a queue page of 100 items cost ~30 µs an item.

/// The error a column that does not decode is reported with.
private func invalidColumn(_ table: String, _ column: Column, _ problem: String) -> StoreError {
    StoreError.invalid("\(table).\(column.name): \(problem)")
}

extension Row {
    func decodedEnum<Value: RawRepresentable>(_ column: Column, of table: String) throws -> Value
    where Value.RawValue == String {
        guard let value: Value = try optionalEnum(column, of: table) else {
            throw invalidColumn(table, column, "missing")
        }
        return value
    }

    func optionalEnum<Value: RawRepresentable>(_ column: Column, of table: String) throws -> Value?
    where Value.RawValue == String {
        guard let raw: String = self[column] else { return nil }
        guard let value = Value(rawValue: raw) else {
            throw invalidColumn(table, column, "unknown value \"\(raw)\"")
        }
        return value
    }

    /// A JSON array column read with the store's own parser.
    func jsonArray(_ column: Column, of table: String) throws -> [JSONValue]? {
        guard let text = text(column) else { return nil }
        guard case .array(let values) = try JSONParser.parse(Array(text.utf8)) else {
            throw invalidColumn(table, column, "expected a JSON array")
        }
        return values
    }
}

extension JSONValue {
    func number(in table: String, _ column: Column) throws -> Double {
        guard case .number(let value) = self else {
            throw invalidColumn(table, column, "expected numbers, found \(typeName)")
        }
        return value
    }
}

extension Item {
    public init(row: Row) throws {
        let table = Self.databaseTableName
        id = row[Columns.id]
        runID = row[Columns.runID]
        type = try row.decodedEnum(Columns.type, of: table)
        instruction = row.text(Columns.instruction) ?? ""
        input = row.text(Columns.input) ?? ""
        generator = row.text(Columns.generator)
        seedIDs = try (row.jsonArray(Columns.seedIDs, of: table) ?? []).map { value in
            guard case .string(let text) = value else {
                throw invalidColumn(table, Columns.seedIDs, "expected strings, found \(value.typeName)")
            }
            return text
        }
        createdAt = row[Columns.createdAt]
        status = try row.decodedEnum(Columns.status, of: table)
        output = row.text(Columns.output)
        chosen = row[Columns.chosen]
        currentSetID = row[Columns.currentSetID]
    }
}

extension CandidateSet {
    public init(row: Row) throws {
        let table = Self.databaseTableName
        id = row[Columns.id]
        itemID = row[Columns.itemID]
        ordinal = row[Columns.ordinal]
        createdAt = row[Columns.createdAt]
        consensusChoice = row[Columns.consensusChoice]
        consensusRule = try row.optionalEnum(Columns.consensusRule, of: table)
        consensusScores = try row.jsonArray(Columns.consensusScores, of: table)?.map { try $0.number(in: table, Columns.consensusScores) }
        consensusMargin = row[Columns.consensusMargin]
        consensusMatrix = try row.jsonArray(Columns.consensusMatrix, of: table)?.map { line in
            guard case .array(let cells) = line else {
                throw invalidColumn(table, Columns.consensusMatrix, "expected rows of numbers")
            }
            return try cells.map { try $0.number(in: table, Columns.consensusMatrix) }
        }
        consensusDiscard = try row.optionalEnum(Columns.consensusDiscard, of: table)
    }
}

extension Candidate {
    public init(row: Row) throws {
        id = row[Columns.id]
        setID = row[Columns.setID]
        position = row[Columns.position]
        member = row.text(Columns.member) ?? ""
        text = row.text(Columns.text) ?? ""
        promptTokens = row[Columns.promptTokens]
        completionTokens = row[Columns.completionTokens]
        latencyMilliseconds = row[Columns.latencyMilliseconds]
        error = row.text(Columns.error)
    }
}
