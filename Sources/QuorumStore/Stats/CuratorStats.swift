// QuorumStore/Stats: Statistics over the store: counts, win rates, agreement, spot-check populations and saved
// spot-check runs.

import Foundation

/// One curator's work as the log has it: decisions by kind, skips, and a rate over the time
/// they were active (gaps between decisions longer than `idleGap` count as breaks).
public struct CuratorStats: Sendable, Equatable, Encodable {
    public var curator: String
    public var accepted = 0
    /// Overrides to a candidate other than the consensus choice.
    public var overridden = 0
    public var edited = 0
    public var rejected = 0
    public var undone = 0
    public var reruns = 0
    public var skipped = 0
    public var notes = 0
    public var activeSeconds: Double = 0

    /// A pause longer than this between two decisions is a break, not work.
    public static let idleGap: Double = 300

    public init(curator: String) {
        self.curator = curator
    }

    /// Counts one event of the curator's log, logged at `at`; `previous` is when their event
    /// before it was (time between the two counts as work, up to `idleGap`). An override to
    /// the consensus's own choice counts as an accept.
    mutating func count(_ kind: DecisionKind?, tookChoice: Bool, at: Date, previous: Date?) {
        switch kind {
        case .accept?: accepted += 1
        case .override?: if tookChoice { accepted += 1 } else { overridden += 1 }
        case .edit?: edited += 1
        case .reject?: rejected += 1
        case .undo?: undone += 1
        case .rerun?: reruns += 1
        case .note?: notes += 1
        case nil: break
        }
        if let previous { activeSeconds += min(max(0, at.timeIntervalSince(previous)), Self.idleGap) }
    }

    /// Accepts, overrides, edits and rejects: the outcomes the curator gave.
    public var decisions: Int { accepted + overridden + edited + rejected }

    /// Outcomes per hour of activity; nil before a minute of it.
    public var ratePerHour: Double? {
        activeSeconds >= 60 ? Double(decisions) / activeSeconds * 3600 : nil
    }

    /// The share of the curator's outcomes that departed from the consensus.
    public var departureRate: Double? {
        decisions > 0 ? Double(overridden + edited + rejected) / Double(decisions) : nil
    }
}
