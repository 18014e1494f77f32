// QuorumStorePostgres/Agreement: Agreement between curators on the items they share (Cohen's kappa per pair,
// Krippendorff's alpha overall) and each curator's own figures, from a store's rows.

/// Chance-corrected agreement over nominal labels.
enum AgreementMath {
    /// Cohen's kappa of two raters over the items both labelled, given as label pairs; nil
    /// when there is none. Perfect chance agreement with perfect observed agreement is 1.
    static func cohensKappa(_ pairs: [(String, String)]) -> Double? {
        guard !pairs.isEmpty else { return nil }
        let count = Double(pairs.count)
        let observed = Double(pairs.filter { $0.0 == $0.1 }.count) / count
        var first: [String: Double] = [:], second: [String: Double] = [:]
        for (a, b) in pairs {
            first[a, default: 0] += 1
            second[b, default: 0] += 1
        }
        let expected = first.reduce(0.0) { sum, entry in sum + (entry.value / count) * ((second[entry.key] ?? 0) / count) }
        guard expected < 1 else { return observed == 1 ? 1 : 0 }
        return (observed - expected) / (1 - expected)
    }

    /// Krippendorff's alpha (nominal) over units, each the labels its raters gave; units with
    /// fewer than two labels are not pairable and ignored. Nil when no unit is pairable.
    static func krippendorffsAlpha(_ units: [[String]]) -> Double? {
        var coincidences: [String: [String: Double]] = [:]
        for labels in units where labels.count >= 2 {
            let weight = 1 / Double(labels.count - 1)
            for i in labels.indices {
                for j in labels.indices where j != i {
                    coincidences[labels[i], default: [:]][labels[j], default: 0] += weight
                }
            }
        }
        guard !coincidences.isEmpty else { return nil }
        let totals = coincidences.mapValues { $0.values.reduce(0, +) }
        let n = totals.values.reduce(0, +)
        var disagreement = 0.0
        for (c, row) in coincidences {
            for (k, value) in row where k != c { disagreement += value }
        }
        var expected = 0.0
        for (c, nc) in totals {
            for (k, nk) in totals where k != c { expected += nc * nk }
        }
        guard expected > 0 else { return 1 }
        return 1 - (n - 1) * disagreement / expected
    }
}
