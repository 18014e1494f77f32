import QuorumCore

/// An item as a filter sees it. Fields that hold several values (every curator who decided,
/// every reason given, every text of the item) match when any of their values does.
public struct FilterSubject: Sendable, Equatable {
    public var status: String
    /// "A" or "B", as stored.
    public var type: String
    /// The consensus rule of the current set; nil before there is one.
    public var rule: String?
    public var margin: Double?
    /// `ConsensusResult.fragility` of the current set; nil before there is a choice.
    public var fragility: Double?
    /// The member whose candidate is the item's output; empty when there is none (an edit, a
    /// rejection, no consensus).
    public var winners: [String]
    public var curators: [String]
    public var reasons: [String]
    public var run: Int64
    /// The instruction, the input and every candidate of the current set.
    public var texts: [String]
    public var hasNote: Bool
    public var hasEdit: Bool
    /// Whether the item's reviewers disagree (`items.contested` on PostgreSQL).
    public var contested: Bool

    public init(
        status: String, type: String, rule: String?, margin: Double?, fragility: Double? = nil, winners: [String], curators: [String],
        reasons: [String], run: Int64, texts: [String], hasNote: Bool, hasEdit: Bool, contested: Bool = false
    ) {
        self.status = status
        self.type = type
        self.rule = rule
        self.margin = margin
        self.fragility = fragility
        self.winners = winners
        self.curators = curators
        self.reasons = reasons
        self.run = run
        self.texts = texts
        self.hasNote = hasNote
        self.hasEdit = hasEdit
        self.contested = contested
    }
}

extension FilterExpression {
    /// Whether `subject` passes. A comparison with a value the item lacks (no margin yet) is
    /// false, whatever the operator, and `not` of it is true: the store's SQL agrees.
    public func matches(_ subject: FilterSubject) -> Bool {
        switch self {
        case .and(let left, let right): return left.matches(subject) && right.matches(subject)
        case .or(let left, let right): return left.matches(subject) || right.matches(subject)
        case .not(let inner): return !inner.matches(subject)
        case .has(.note): return subject.hasNote
        case .has(.edit): return subject.hasEdit
        case .has(.contested): return subject.contested
        case .comparison(let field, let op, let value):
            switch (field, value) {
            case (.status, .texts(let words)): return Self.compare([subject.status], op, words)
            case (.type, .texts(let words)): return Self.compare([subject.type], op, words.map { $0.uppercased() })
            case (.rule, .texts(let words)): return subject.rule.map { Self.compare([$0], op, words) } ?? false
            case (.member, .texts(let words)): return Self.compare(subject.winners, op, words)
            case (.curator, .texts(let words)): return Self.compare(subject.curators, op, words)
            case (.reason, .texts(let words)): return Self.compare(subject.reasons, op, words)
            case (.text, .texts(let words)): return Self.compare(subject.texts, op, words)
            case (.margin, .number(let number)): return subject.margin.map { Self.compare($0, op, number) } ?? false
            case (.fragility, .number(let number)): return subject.fragility.map { Self.compare($0, op, number) } ?? false
            case (.run, .number(let number)): return Self.compare(Double(subject.run), op, number)
            default: return false
            }
        }
    }

    /// `=`: some value is one of `words`, byte for byte as SQL compares; `!=`: the field has
    /// values and none is; `~`: some value contains one of `words` by `TextSearch`'s rule.
    private static func compare(_ values: [String], _ op: FilterOperator, _ words: [String]) -> Bool {
        func isOne(_ value: String) -> Bool { words.contains { $0.utf8.elementsEqual(value.utf8) } }
        switch op {
        case .equal: return values.contains(where: isOne)
        case .notEqual: return !values.isEmpty && !values.contains(where: isOne)
        case .contains:
            let searches = words.map { TextSearch($0) }
            return values.contains { value in searches.contains { $0.map { $0.matches(value) } ?? true } }
        case .less, .lessOrEqual, .greater, .greaterOrEqual: return false
        }
    }

    private static func compare(_ value: Double, _ op: FilterOperator, _ number: Double) -> Bool {
        switch op {
        case .equal: return value == number
        case .notEqual: return value != number
        case .less: return value < number
        case .lessOrEqual: return value <= number
        case .greater: return value > number
        case .greaterOrEqual: return value >= number
        case .contains: return false
        }
    }
}
