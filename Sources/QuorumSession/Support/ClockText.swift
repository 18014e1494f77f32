// QuorumSession/Support: Small pieces the runtime shares: its error type, the monotonic clock, the frame log that
// `quorum bench tui` reads.

import Foundation

/// "4:07" for 247 seconds.
public func clockText(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded(.down))
    return whole >= 3600
        ? String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
        : String(format: "%d:%02d", whole / 60, whole % 60)
}
