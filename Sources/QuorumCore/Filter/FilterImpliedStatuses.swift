extension FilterExpression {
    /// The statuses an item must have to pass, when the expression says (`status = pending
    /// and …`, `pending or rejected`); nil when any status may pass. The queue reads only
    /// those statuses' index ranges.
    public var impliedStatuses: Set<String>? {
        switch self {
        case .comparison(.status, .equal, .texts(let words)): return Set(words)
        case .and(let left, let right):
            switch (left.impliedStatuses, right.impliedStatuses) {
            case (let left?, let right?): return left.intersection(right)
            case (let one?, nil), (nil, let one?): return one
            case (nil, nil): return nil
            }
        case .or(let left, let right):
            guard let left = left.impliedStatuses, let right = right.impliedStatuses else { return nil }
            return left.union(right)
        default: return nil
        }
    }
}
