import QuorumCore

/// How a spot-check's sample is split into strata.
public enum SpotCheckStratification: String, Sendable, Codable, CaseIterable {
    /// The ensemble member whose candidate the consensus chose.
    case member
    /// The item's task type, A or B.
    case type
    /// The consensus rule that decided: exact or rouge.
    case rule
    /// Quartiles of the consensus's fragility (`q4` the most fragile); see `QuantileBins`.
    case fragility
}

/// The decisions made without a human, split into strata, and the verdicts humans have
/// given on them so far.
///
/// **Population.** Items whose current candidate set has a consensus choice and either
/// - carry an accept by the curator `auto` on that set that was not undone
///   (`quorum generate --auto-accept`), or
/// - were imported (their run's source is `import`): the consensus choice came in without a
///   human, whether or not one has looked at it since.
///
/// **Verdicts.** A human verdict is the latest outcome decision (accept, override, edit,
/// reject) by any curator other than `auto` on the current set, after the auto accept, and
/// not the target of an undo (an undo of that undo is not followed). The item's derived
/// status then says: accepted, or overridden to the consensus's own candidate → `right`;
/// overridden to another candidate, edited or rejected → `wrong`.
public struct SpotCheckPopulation: Sendable, Equatable {
    public var stratification: SpotCheckStratification
    public var strata: [String: [Int64]]
    public var verdicts: [Int64: ErrorRateEstimate.Verdict]
    /// The fragility quartiles' edges, when stratified by fragility.
    public var fragilityEdges: [Double]?
    /// Imported items still awaiting review: their consensus choice stands only because no
    /// one has looked at it yet, which the report says apart from automatic accepts.
    public var unreviewedImports: Set<Int64> = []

    public var count: Int { strata.values.reduce(0) { $0 + $1.count } }

    /// Draws the sample (see `StratifiedSample`) and estimates the error rates from the
    /// verdicts so far: what `quorum spot-check` prints and the workbench updates.
    public func report(sampleSize: Int, seed: UInt64) -> SpotCheckReport {
        let sample = StratifiedSample(strata: strata, size: sampleSize, seed: seed)
        return SpotCheckReport(
            stratification: stratification, population: count, fragilityEdges: fragilityEdges, sample: sample,
            estimate: ErrorRateEstimate(sample: sample, verdicts: verdicts),
            unreviewedImports: sample.sampledIDs.filter(unreviewedImports.contains).count)
    }
}

/// A drawn sample and its error-rate estimate.
public struct SpotCheckReport: Sendable, Equatable, Codable {
    public var stratification: SpotCheckStratification
    public var population: Int
    public var fragilityEdges: [Double]?
    public var sample: StratifiedSample
    public var estimate: ErrorRateEstimate
    /// Sampled items that were imported and are still awaiting review.
    public var unreviewedImports: Int?
}
