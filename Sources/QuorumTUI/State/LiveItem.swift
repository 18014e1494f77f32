import QuorumStore

/// An item the engine is generating, built from its events; it becomes a stored row once
/// the engine reports it stored.
public struct LiveItem: Sendable, Equatable {
    public var ticket: Int
    public var type: ItemType
    public var instruction: SafeText
    public var input: SafeText?
    public var candidates: [LiveCandidate] = []
    /// The stored item this generation reruns, when it is a rerun.
    public var rerunOf: Int64?

    public init(ticket: Int, type: ItemType, instruction: String, rerunOf: Int64? = nil) {
        self.ticket = ticket
        self.type = type
        self.instruction = SafeText(instruction)
        self.rerunOf = rerunOf
    }

    public var summary: String {
        String(instruction.firstLine.prefix(QueueRow.summaryLength))
    }

    mutating func withCandidate(_ position: Int, member: String, _ change: (inout LiveCandidate) -> Void) {
        while candidates.count <= position {
            candidates.append(LiveCandidate(member: candidates.count == position ? member : "?"))
        }
        candidates[position].member = member
        change(&candidates[position])
    }
}

public struct LiveCandidate: Sendable, Equatable {
    public var member: String
    /// Text streamed so far, or the final text once finished.
    public var text = ""
    public var isFinished = false
    public var error: String?
    /// Why the member's request is being retried, while it is.
    public var retryReason: String?

    public init(member: String) {
        self.member = member
    }
}
