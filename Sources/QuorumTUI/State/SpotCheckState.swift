import QuorumCore
import QuorumStore

/// A spot-check session: the drawn sample, the human verdicts on it so far and the running
/// estimate, which `ErrorRateEstimate` recomputes whenever a verdict changes.
public struct SpotCheckState: Sendable, Equatable {
    public private(set) var report: SpotCheckReport
    public private(set) var verdicts: [Int64: ErrorRateEstimate.Verdict]
    /// The error rate the overall Wilson upper bound should fall below (`--target`).
    public var target: Double?

    /// `verdicts` may cover the whole population; only the sampled items' are kept.
    public init(report: SpotCheckReport, verdicts: [Int64: ErrorRateEstimate.Verdict], target: Double? = nil) {
        let sampled = Set(report.sample.sampledIDs)
        self.report = report
        self.verdicts = verdicts.filter { sampled.contains($0.key) }
        self.target = target
        self.report.estimate = ErrorRateEstimate(sample: report.sample, verdicts: self.verdicts)
    }

    public var estimate: ErrorRateEstimate { report.estimate }

    /// The sampled item ids, ascending.
    public var sampledIDs: [Int64] { report.sample.sampledIDs.sorted() }

    public func contains(_ itemID: Int64) -> Bool {
        report.sample.strata.contains { $0.sample.contains(itemID) }
    }

    /// Whether the overall upper bound is below the target (false without a target).
    public var isTargetMet: Bool {
        target.map(estimate.meets(target:)) ?? false
    }

    mutating func record(_ verdict: ErrorRateEstimate.Verdict?, for itemID: Int64) {
        guard contains(itemID), verdicts[itemID] != verdict else { return }
        verdicts[itemID] = verdict
        report.estimate = ErrorRateEstimate(sample: report.sample, verdicts: verdicts)
    }
}
