/// What a curator (or the engine, for reruns) asks the log to record.
public enum DecisionAction: Sendable, Equatable {
    /// Take the consensus choice of the current candidate set.
    case accept
    /// Take candidate `candidate` of the current set instead of the consensus choice.
    case override(candidate: Int)
    /// Replace the output with `text`, optionally starting from candidate `basedOn`.
    case edit(text: String, basedOn: Int?)
    case reject(reason: String)
    /// Replace the candidates: the item is reviewed again on the new set.
    case rerun(NewCandidateSet)
    /// Cancel event `decisionID` (any kind, undos included).
    case undo(decisionID: Int64)
    /// A note on the item, kept in the decision's `note`; the item's status does not change.
    case note(String)

    public var kind: DecisionKind {
        switch self {
        case .accept: return .accept
        case .override: return .override
        case .edit: return .edit
        case .reject: return .reject
        case .rerun: return .rerun
        case .undo: return .undo
        case .note: return .note
        }
    }
}
