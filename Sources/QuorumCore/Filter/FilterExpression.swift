// QuorumCore/Filter: the filter language of `:filter` and `--filter` (`status = pending and
// margin < 0.05`), parsed into an expression that the store turns into SQL and memory matches.

/// A parsed filter: comparisons of an item's fields, joined by `and`, `or` and `not`.
public indirect enum FilterExpression: Sendable, Hashable {
    case comparison(FilterField, FilterOperator, FilterValue)
    /// `has:note`, `has:edit`: the item has at least one such thing; `contested`: its
    /// reviewers disagree.
    case has(FilterFlag)
    case and(FilterExpression, FilterExpression)
    case or(FilterExpression, FilterExpression)
    case not(FilterExpression)
}

/// What a filter can ask about an item.
public enum FilterField: String, Sendable, CaseIterable {
    case status, type, rule, fragility, margin, member, curator, reason, run, text

    public enum Kind: Sendable, Equatable {
        /// One of a fixed set of words.
        case word(allowed: [String])
        /// Any text; `~` matches a part of it, case folded.
        case text
        case number
        case integer
    }

    public var kind: Kind {
        switch self {
        case .status:
            return .word(allowed: [
                "pending", "streaming", "accepted", "overridden", "edited", "rejected", "discarded",
            ])
        case .type: return .word(allowed: ["a", "b"])
        case .rule: return .word(allowed: ["exact", "rouge"])
        case .fragility, .margin: return .number
        case .run: return .integer
        case .member, .curator, .reason, .text: return .text
        }
    }

    /// The operators that make sense for the field.
    public var operators: [FilterOperator] {
        switch kind {
        case .word: return [.equal, .notEqual]
        case .text: return self == .text ? [.contains] : [.equal, .notEqual, .contains]
        case .number, .integer: return [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual]
        }
    }
}

/// What an item has or is, with no value to compare.
public enum FilterFlag: String, Sendable, CaseIterable {
    case note, edit
    /// Its reviewers disagree under the team's rule (`[team] reviews_per_item`); never on a
    /// store with one curator.
    case contested

    /// How a filter writes it: `has:note`, `has:edit`, `contested`.
    public var spelling: String { self == .contested ? rawValue : "has:" + rawValue }
}

public enum FilterOperator: String, Sendable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    /// Contains, case folded.
    case contains = "~"
}

public enum FilterValue: Sendable, Hashable {
    /// Words or texts; more than one (`status = pending,edited`) means any of them.
    case texts([String])
    case number(Double)
}
