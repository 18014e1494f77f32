import GRDB
import QuorumCore

/// A filter as an SQL condition on `items` (under `alias`), matching exactly what
/// `FilterExpression.matches` does in memory. Each comparison is made a plain true or false
/// (never NULL), so `not` means the same in SQL as in Swift.
struct FilterSQL {
    let alias: String

    func condition(_ expression: FilterExpression) -> (sql: String, arguments: StatementArguments) {
        switch expression {
        case .and(let left, let right): return joined(left, "AND", right)
        case .or(let left, let right): return joined(left, "OR", right)
        case .not(let inner):
            let (sql, arguments) = condition(inner)
            return ("(NOT \(sql))", arguments)
        case .has(.note):
            return (decisionExists("d.\(Decision.Columns.note.name) IS NOT NULL"), [])
        case .has(.edit):
            return (decisionExists("d.\(Decision.Columns.kind.name) = '\(DecisionKind.edit.rawValue)'"), [])
        case .has(.contested):
            // Only a team's store marks an item contested (a store of one's own holds its marks
            // when it is a team store's mirror or copy).
            return ("(\(alias).contested <> 0)", [])
        case .comparison(let field, let op, let value):
            return comparison(field, op, value)
        }
    }

    private func joined(
        _ left: FilterExpression, _ word: String, _ right: FilterExpression
    ) -> (sql: String, arguments: StatementArguments) {
        let (leftSQL, leftArguments) = condition(left)
        let (rightSQL, rightArguments) = condition(right)
        return ("(\(leftSQL) \(word) \(rightSQL))", leftArguments + rightArguments)
    }

    private func comparison(
        _ field: FilterField, _ op: FilterOperator, _ value: FilterValue
    ) -> (sql: String, arguments: StatementArguments) {
        let column = "\(alias).\(Self.itemColumn(field))"
        switch value {
        case .number(let number):
            return ("COALESCE(\(column) \(op.rawValue) ?, 0)", [number])
        case .texts(let words):
            let words = field == .type ? words.map { $0.uppercased() } : words
            switch field {
            case .status, .type: return values(Source(rows: nil, column: column), op, words)
            case .rule:
                return values(
                    Source(
                        rows: "candidate_sets s WHERE s.\(CandidateSet.Columns.id.name) = \(alias).\(Item.Columns.currentSetID.name)",
                        column: "s.\(CandidateSet.Columns.consensusRule.name)"), op, words)
            case .member:
                return values(
                    Source(
                        rows: "candidates c WHERE c.\(Candidate.Columns.setID.name) = \(alias).\(Item.Columns.currentSetID.name) "
                            + "AND c.\(Candidate.Columns.position.name) = \(alias).\(Item.Columns.chosen.name)",
                        column: "c.\(Candidate.Columns.member.name)"), op, words)
            case .curator: return values(decisions(Decision.Columns.curator), op, words)
            case .reason: return values(decisions(Decision.Columns.reason), op, words)
            case .text:
                return anyContains(words) { search in search.condition(on: alias) }
            case .fragility, .margin, .run:
                return ("0", [])
            }
        }
    }

    /// Where a field's values are: a column of some rows tied to the item, or of the item's own
    /// row when `rows` is nil. NULL is no value.
    private struct Source {
        var rows: String?
        var column: String

        /// A SELECT of one row for each value that passes `test`.
        func select(where test: String) -> String {
            let condition = "\(column) IS NOT NULL AND \(test)"
            guard let rows else { return "SELECT 1 WHERE \(condition)" }
            return "SELECT 1 FROM \(rows) AND \(condition)"
        }
    }

    private func decisions(_ column: Column) -> Source {
        Source(
            rows: "decisions d WHERE d.\(Decision.Columns.itemID.name) = \(alias).\(Item.Columns.id.name)",
            column: "d.\(column.name)")
    }

    private func values(_ source: Source, _ op: FilterOperator, _ words: [String]) -> (sql: String, arguments: StatementArguments) {
        let placeholders = Array(repeating: "?", count: words.count).joined(separator: ", ")
        let arguments = StatementArguments(words)
        let isOne = "\(source.column) IN (\(placeholders))"
        switch op {
        case .equal:
            return ("EXISTS (\(source.select(where: isOne)))", arguments)
        case .notEqual:
            return ("(EXISTS (\(source.select(where: "1"))) AND NOT EXISTS (\(source.select(where: isOne))))", arguments)
        case .contains:
            // An empty word is in every value, but only an item with a value has one.
            if words.contains("") { return ("EXISTS (\(source.select(where: "1")))", []) }
            return anyContains(words) { search in
                let (test, arguments) = search.test(source.column)
                return ("EXISTS (\(source.select(where: test)))", StatementArguments(arguments))
            }
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            return ("0", [])
        }
    }

    private static func itemColumn(_ field: FilterField) -> String {
        switch field {
        case .status: Item.Columns.status.name
        case .type: Item.Columns.type.name
        case .margin: Item.Columns.margin.name
        case .fragility: Item.Columns.fragility.name
        case .run: Item.Columns.runID.name
        case .rule, .member, .curator, .reason, .text: Item.Columns.id.name
        }
    }

    /// `body`'s condition for each word, or'ed; an empty word matches everything.
    private func anyContains(
        _ words: [String], _ body: (TextSearch) -> (sql: String, arguments: StatementArguments)
    ) -> (sql: String, arguments: StatementArguments) {
        var parts: [String] = []
        var arguments = StatementArguments()
        for word in words {
            guard let search = TextSearch(word) else { return ("1", []) }
            let (sql, more) = body(search)
            parts.append(sql)
            arguments += more
        }
        return ("(" + parts.joined(separator: " OR ") + ")", arguments)
    }

    private func decisionExists(_ condition: String) -> String {
        "EXISTS (SELECT 1 FROM decisions d WHERE d.\(Decision.Columns.itemID.name) = \(alias).\(Item.Columns.id.name) AND \(condition))"
    }
}
