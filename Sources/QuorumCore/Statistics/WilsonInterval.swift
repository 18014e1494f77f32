/// The Wilson score interval for a binomial proportion (Wilson, 1927), the interval a
/// spot-check reports for an error rate: unlike the normal approximation it stays inside
/// [0, 1] and is sensible for 0 or n successes out of n.
public struct WilsonInterval: Sendable, Equatable, Codable {
    /// The two-sided 95% normal quantile, Φ⁻¹(0.975).
    public static let z95 = 1.959963984540054

    public var successes: Int
    public var trials: Int
    public var lower: Double
    public var upper: Double

    /// `successes / trials`.
    public var proportion: Double { Double(successes) / Double(trials) }

    /// `nil` when there are no trials (no information, no interval).
    ///
    /// With p̂ = k/n: centre = (p̂ + z²/2n) / (1 + z²/n),
    /// half-width = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²), clamped to [0, 1].
    public init?(successes: Int, trials: Int, z: Double = WilsonInterval.z95) {
        guard trials > 0, successes >= 0, successes <= trials else { return nil }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        self.successes = successes
        self.trials = trials
        lower = max(0, centre - half)
        upper = min(1, centre + half)
    }
}
