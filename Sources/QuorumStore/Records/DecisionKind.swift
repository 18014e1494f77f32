/// The kinds of event in the decision log.
public enum DecisionKind: String, Sendable, Codable, CaseIterable {
    case accept, override, edit, reject, rerun, undo
    /// A curator's note on the item: in its log, never changing its status.
    case note

    /// Kinds that set an item's outcome for the candidate set they were made on.
    public var isOutcome: Bool {
        switch self {
        case .accept, .override, .edit, .reject: return true
        case .rerun, .undo, .note: return false
        }
    }
}
