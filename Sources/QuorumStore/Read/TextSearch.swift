import Foundation
import GRDB

/// A search of the queue: a case-insensitive substring of an item's instruction, its input or
/// one of its current candidates. The store matches it in SQL and the workbench in memory (for
/// items that arrive while it is open) with the same rule: a needle of ASCII characters folds
/// ASCII letters only, as SQLite's `LIKE` does; any other needle is compared after Unicode
/// lowercasing of both sides, in SQL through the `quorum_folded_contains` function.
public struct TextSearch: Sendable, Hashable {
    public let needle: String
    private let foldedNeedle: [UInt8]
    private let isASCII: Bool

    /// nil for an empty needle: everything matches.
    public init?(_ needle: String) {
        guard !needle.isEmpty else { return nil }
        self.needle = needle
        isASCII = needle.utf8.allSatisfy { $0 < 0x80 }
        foldedNeedle = isASCII ? needle.utf8.map(Self.foldASCII) : Array(needle.lowercased().utf8)
    }

    public func matches(_ text: String) -> Bool {
        Self.contains(isASCII ? Array(text.utf8) : Array(text.lowercased().utf8), foldedNeedle)
    }

    public func matches(_ detail: ItemDetail) -> Bool {
        matches(detail.item.instruction) || matches(detail.item.input) || detail.candidates.contains { matches($0.text) }
    }

    /// An SQL condition on a row with `instruction`, `input` and `current_set_id` columns
    /// (`alias` names it), and its arguments.
    func condition(on alias: String) -> (sql: String, arguments: StatementArguments) {
        let (instruction, arguments) = test("\(alias).instruction")
        let sql = """
            (\(instruction) OR \(test("\(alias).input").sql) OR EXISTS (
                SELECT 1 FROM candidates c WHERE c.set_id = \(alias).current_set_id AND \(test("c.text").sql)))
            """
        return (sql, StatementArguments(arguments + arguments + arguments))
    }

    /// An SQL test that `column` holds the needle by this search's rule, and its arguments.
    func test(_ column: String) -> (sql: String, arguments: [String]) {
        if isASCII {
            // LIKE reads its text as a C string, so a text holding U+0000 also goes through the
            // function, which sees every byte (it gets the text as a blob).
            let sql = "(\(column) LIKE ? ESCAPE '\\' OR (instr(\(column), char(0)) > 0 AND "
                + "\(Self.functionName)(CAST(\(column) AS BLOB), ?)))"
            return (sql, ["%" + Self.escapingLike(needle) + "%", needle])
        }
        return ("\(Self.functionName)(CAST(\(column) AS BLOB), ?)", [needle])
    }

    static let functionName = "quorum_folded_contains"

    /// `quorum_folded_contains(text, needle)`: whether `text` holds `needle`, by this search's rule.
    /// The text comes as a blob: GRDB reads a TEXT argument as a C string, up to its first NUL.
    static let sqlFunction = DatabaseFunction(functionName, argumentCount: 2, pure: true) { values in
        guard let text = Data.fromDatabaseValue(values[0]).map({ String(decoding: $0, as: UTF8.self) }),
              let needle = String.fromDatabaseValue(values[1]),
              let search = TextSearch(needle)
        else { return false }
        return search.matches(text)
    }

    private static func escapingLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    private static func foldASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Whether `needle` (folded) occurs in `bytes` with ASCII letters folded; on UTF-8 a match
    /// can only start at a code point.
    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= bytes.count else { return false }
        let first = needle[0]
        for start in 0...(bytes.count - needle.count) where foldASCII(bytes[start]) == first {
            var offset = 1
            while offset < needle.count && foldASCII(bytes[start + offset]) == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
        }
        return false
    }
}
