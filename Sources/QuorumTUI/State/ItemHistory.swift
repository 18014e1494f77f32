import Foundation
import QuorumStore

/// An item's log as the item pane lists it, one line an entry, oldest first: when (UTC), who,
/// what, and the reason or note; undone entries are marked.
public struct ItemHistory: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var text: String
        public var kind: DecisionKind
        public var isActive: Bool
    }

    public var lines: [Line]

    public init(_ log: [LoggedDecision]) {
        lines = log.map { entry in
            let decision = entry.decision
            var text = Self.minute(decision.at) + " " + decision.curator + " " + Self.what(decision)
            if !entry.isActive { text += " (undone)" }
            return Line(text: text, kind: decision.kind, isActive: entry.isActive)
        }
    }

    private static func what(_ decision: Decision) -> String {
        let attached = decision.kind == .note ? "" : decision.note.map { " (\($0))" } ?? ""
        return action(decision) + attached
    }

    private static func action(_ decision: Decision) -> String {
        switch decision.kind {
        case .accept: return "accepted" + (decision.candidate.map { " candidate \($0)" } ?? "")
        case .override: return "took candidate \(decision.candidate ?? 0)"
        case .edit: return "edited the output"
        case .reject: return "rejected: " + (decision.reason ?? "")
        case .rerun: return "reran (a new candidate set)"
        case .undo: return "undid #\(decision.targetID ?? 0)"
        case .note: return "noted: " + (decision.note ?? "")
        }
    }

    /// `12-03 14:03`, in UTC whatever the machine's zone, so screens are reproducible.
    static func minute(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { (value ?? 0) < 10 ? "0\(value ?? 0)" : "\(value ?? 0)" }
        return "\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
    }
}
