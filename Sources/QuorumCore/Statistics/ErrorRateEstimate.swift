/// What a spot-check has learned so far: per stratum and overall, how many sampled decisions
/// a human has judged and how many of those were wrong, with a Wilson 95% interval for the
/// error rate. Pure, so the command line and the workbench's spot-check mode share it.
public struct ErrorRateEstimate: Sendable, Equatable, Codable {
    /// A human's verdict on one automatic decision.
    public enum Verdict: String, Sendable, Codable {
        case right, wrong
    }

    public struct Row: Sendable, Equatable, Codable {
        public var stratum: String
        public var sampled: Int
        public var judged: Int
        public var wrong: Int
        /// `wrong / judged`, `nil` before anything is judged.
        public var errorRate: Double?
        public var interval: WilsonInterval?

        init(stratum: String, sampled: Int, judged: Int, wrong: Int) {
            self.stratum = stratum
            self.sampled = sampled
            self.judged = judged
            self.wrong = wrong
            errorRate = judged == 0 ? nil : Double(wrong) / Double(judged)
            interval = WilsonInterval(successes: wrong, trials: judged)
        }
    }

    public var strata: [Row]
    /// The pooled estimate over every judged item of the sample (unweighted: the sample is
    /// allocated proportionally, so pooling approximates the population rate).
    public var overall: Row

    /// `verdicts` holds the judged items only; sampled items without a verdict count as sampled.
    public init(sample: StratifiedSample, verdicts: [Int64: Verdict]) {
        strata = sample.strata.map { stratum in
            let judged = stratum.sample.compactMap { verdicts[$0] }
            return Row(
                stratum: stratum.key, sampled: stratum.sample.count, judged: judged.count,
                wrong: judged.filter { $0 == .wrong }.count)
        }
        overall = Row(
            stratum: "overall", sampled: strata.reduce(0) { $0 + $1.sampled },
            judged: strata.reduce(0) { $0 + $1.judged }, wrong: strata.reduce(0) { $0 + $1.wrong })
    }

    /// The stopping rule of `--target`: enough judged that the overall interval's upper bound
    /// is below `target`.
    public func meets(target: Double) -> Bool {
        guard let upper = overall.interval?.upper else { return false }
        return upper < target
    }
}
