import QuorumStore

/// The item's story under its instruction and input: the newest entries of its log (decisions
/// with curator, time, kind and reason; reruns, undos, notes), as many as a third of the pane.
enum ItemHistoryRows {
    /// The pane's inside, split into the body and the history's rows (nil without entries or room).
    static func split(_ inner: Rect, history: ItemHistory?) -> (body: Rect, history: Rect?) {
        guard let count = history?.lines.count, count > 0, inner.height >= 4 else { return (inner, nil) }
        let rows = min(count, max(1, inner.height / 3))
        let parts = inner.splitBottom(rows)
        return (parts.rest, parts.bottom)
    }

    static func render(_ history: ItemHistory, into grid: inout CellGrid, in rect: Rect, labelWidth: Int) {
        let shown = history.lines.suffix(rect.height)
        let hidden = history.lines.count - shown.count
        grid.put(hidden > 0 ? "Log +\(hidden)" : "Log", at: Point(x: rect.x + 1, y: rect.y), style: .muted, clip: rect)
        let textRect = Rect(x: rect.x + labelWidth, y: rect.y, width: rect.width - labelWidth - 1, height: rect.height)
        for (offset, line) in shown.enumerated() {
            grid.putTruncated(line.text, at: Point(x: textRect.x, y: rect.y + offset), style: line.isActive ? role(line.kind) : .muted,
                              clip: Rect(x: textRect.x, y: rect.y + offset, width: textRect.width, height: 1))
        }
    }

    private static func role(_ kind: DecisionKind) -> StyleRole {
        switch kind {
        case .reject: return .rejected
        case .note: return .accent
        case .accept: return .accepted
        case .override: return .overridden
        case .edit: return .edited
        case .rerun, .undo: return .text
        }
    }
}
