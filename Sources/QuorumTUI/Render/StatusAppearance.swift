import QuorumStore

/// How an item's status is drawn: a one-cell glyph, its role and a short label.
public enum StatusAppearance {
    public static func glyph(_ status: ItemStatus) -> Character {
        switch status {
        case .streaming: return "◌"
        case .pending: return "●"
        case .accepted: return "✓"
        case .overridden: return "⇄"
        case .edited: return "✎"
        case .rejected: return "✗"
        case .discarded: return "⊘"
        }
    }

    public static func role(_ status: ItemStatus) -> StyleRole {
        switch status {
        case .streaming: return .streaming
        case .pending: return .pending
        case .accepted: return .accepted
        case .overridden: return .overridden
        case .edited: return .edited
        case .rejected: return .rejected
        case .discarded: return .discarded
        }
    }

    /// The label, padded to the longest one so that columns line up.
    /// The longest status ("overridden") and a space, so a label never touches the text after it.
    static let labelWidth = (ItemStatus.allCases.map(\.rawValue.count).max() ?? 10) + 1

    public static func paddedLabel(_ status: ItemStatus) -> String {
        padded(status.rawValue)
    }

    /// `label` padded to the status labels' width, and never touching what follows.
    static func padded(_ label: String) -> String {
        label + String(repeating: " ", count: max(1, labelWidth - label.count))
    }
}
