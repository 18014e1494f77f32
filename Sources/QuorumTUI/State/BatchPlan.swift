// QuorumTUI/State: The workbench's state and the values it is made of, including the live events it shows.

import QuorumStore

/// A bulk decision the curator asked for and has still to confirm: the action and the items
/// the store found under the queue's filter when asked.
public struct BatchPlan: Sendable, Equatable {
    public var action: DecisionAction
    public var itemIDs: [Int64]
    /// The filter it came from, as the confirmation names it.
    public var scope: String

    public init(action: DecisionAction, itemIDs: [Int64], scope: String) {
        self.action = action
        self.itemIDs = itemIDs
        self.scope = scope
    }

    public var verb: String {
        if case .reject = action { return "reject" }
        return "accept"
    }
}

/// A bulk decision or a bulk undo, written.
public struct BatchResult: Sendable, Equatable {
    public var outcome: BatchOutcome
    /// The batch this one undid; nil for a bulk decision.
    public var undid: Int64?

    public init(outcome: BatchOutcome, undid: Int64? = nil) {
        self.outcome = outcome
        self.undid = undid
    }
}
