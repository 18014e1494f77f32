// QuorumStore/Import: Import: items from JSONL, all or nothing, each bad line named with its field.

import GRDB

/// The items already in a store, by what makes an import line the same item: instruction,
/// input and the texts of its first candidate set. Read once per import (the instruction and
/// input of every item; candidates only for items whose instruction and input match a line).
struct ImportDuplicates {
    private var byText: [TextKey: [Int64]] = [:]
    private var known: [Int64: [String]] = [:]

    private struct TextKey: Hashable {
        var instruction: [UInt8]
        var input: [UInt8]
    }

    init(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, instruction, input FROM items")
        while let row = try rows.next() {
            let key = TextKey(
                instruction: Array((row.text(atIndex: 1) ?? "").utf8), input: Array((row.text(atIndex: 2) ?? "").utf8))
            byText[key, default: []].append(row[0])
        }
    }

    /// Whether the store holds an item with this instruction, input and candidates.
    mutating func contains(instruction: String, input: String, candidates: [String], _ db: Database) throws -> Bool {
        let key = TextKey(instruction: Array(instruction.utf8), input: Array(input.utf8))
        let wanted = candidates.map { Array($0.utf8) }
        for id in byText[key] ?? [] {
            let texts = try known[id] ?? firstSetTexts(of: id, db)
            known[id] = texts
            if texts.map({ Array($0.utf8) }) == wanted { return true }
        }
        return false
    }

    /// Counts an item stored by this import, so a line repeated in the file is one too.
    mutating func add(_ id: Int64, instruction: String, input: String, candidates: [String]) {
        byText[TextKey(instruction: Array(instruction.utf8), input: Array(input.utf8)), default: []].append(id)
        known[id] = candidates
    }

    private func firstSetTexts(of itemID: Int64, _ db: Database) throws -> [String] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT c.text FROM candidates c
            JOIN candidate_sets s ON s.id = c.set_id
            WHERE s.item_id = ? AND s.ordinal = 0 ORDER BY c.position
            """, arguments: [itemID])
        var texts: [String] = []
        while let row = try rows.next() { texts.append(row.text(atIndex: 0) ?? "") }
        return texts
    }
}
