import GRDB
import QuorumCore

/// The items a statistic covers: every item, or those a filter passes, as the common table
/// `scoped_items` that each statistic's query reads in place of `items`.
struct StatsScope {
    /// What the queries read items from: `items`, or `scoped_items`.
    let items: String
    private let definition: String?
    /// The filter's arguments, which come first in every query (its `WITH` comes first).
    let arguments: StatementArguments

    init(filter: FilterExpression?) {
        guard let filter else {
            items = "items"
            definition = nil
            arguments = []
            return
        }
        let (condition, arguments) = FilterSQL(alias: "i").condition(filter)
        items = "scoped_items"
        definition = "scoped_items AS MATERIALIZED (SELECT i.* FROM items i WHERE \(condition))"
        self.arguments = arguments
    }

    /// `WITH` and the scope's table (when filtered) followed by `tables`; empty for none.
    func with(_ tables: String...) -> String {
        let all = ([definition].compactMap { $0 } + tables)
        return all.isEmpty ? "" : "WITH " + all.joined(separator: ",\n")
    }

    /// The scope's arguments, then `more`.
    func arguments(_ more: StatementArguments) -> StatementArguments {
        arguments + more
    }

    /// "and the decision `column` belongs to an item in scope", for queries over decisions.
    func decisionInScope(_ column: String) -> String {
        definition == nil ? "" : " AND \(column) IN (SELECT id FROM scoped_items)"
    }
}
