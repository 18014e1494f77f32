/// Cohen's kappa for two raters assigning nominal labels to the same items:
/// κ = (pₒ − pₑ) / (1 − pₑ), where pₒ is the share of items both label alike and
/// pₑ = Σₗ (share of rater 1 giving l) · (share of rater 2 giving l).
public enum CohenKappa {
    /// `nil` when there are no pairs, or when chance agreement is already certain (pₑ = 1:
    /// both raters used one and the same label throughout), where κ is undefined.
    public static func kappa<Label: Hashable>(_ pairs: [(Label, Label)]) -> Double? {
        guard !pairs.isEmpty else { return nil }
        var first: [Label: Int] = [:]
        var second: [Label: Int] = [:]
        var agreed = 0
        for (a, b) in pairs {
            first[a, default: 0] += 1
            second[b, default: 0] += 1
            if a == b { agreed += 1 }
        }
        return kappa(agreed: agreed, total: pairs.count, firstMargins: first, secondMargins: second)
    }

    /// κ from counts already aggregated (for example by SQL): the number of agreeing pairs,
    /// the total, and each rater's count per label.
    public static func kappa<Label: Hashable>(
        agreed: Int, total: Int, firstMargins: [Label: Int], secondMargins: [Label: Int]
    ) -> Double? {
        guard total > 0 else { return nil }
        let n = Double(total)
        let observed = Double(agreed) / n
        var chance = 0.0
        for (label, count) in firstMargins {
            chance += Double(count) / n * (Double(secondMargins[label] ?? 0) / n)
        }
        guard chance < 1 else { return nil }
        return (observed - chance) / (1 - chance)
    }
}
