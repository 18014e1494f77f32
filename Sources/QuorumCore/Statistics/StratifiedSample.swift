/// A reproducible stratified random sample: `size` items drawn without replacement,
/// allocated to strata in proportion to their sizes, at least one from every non-empty stratum.
///
/// **Allocation rule.** With S non-empty strata, T items in all and N = `size`:
/// - N ≥ T: every item is taken.
/// - N < S: the N largest strata get one item each (ties: the earlier stratum key).
/// - otherwise every non-empty stratum first gets one item; the remaining R = N − S are split
///   over the strata's remaining capacities cₕ = sizeₕ − 1 by the largest-remainder (Hamilton)
///   method: stratum h gets ⌊R·cₕ/(T − S)⌋, and the R − Σ⌊…⌋ seats left over go one each to the
///   largest fractional parts (ties: the earlier stratum key). No stratum gets more than it holds.
///
/// **Draw.** Strata are visited in key order and each stratum's ids in ascending order; one
/// `SeededRandom(seed:)` runs a partial Fisher–Yates shuffle per stratum. The same strata,
/// size and seed give the same sample on every platform.
public struct StratifiedSample: Sendable, Equatable, Codable {
    public struct Stratum: Sendable, Equatable, Codable {
        public var key: String
        /// How many items the stratum holds.
        public var population: Int
        /// The drawn ids, ascending.
        public var sample: [Int64]
    }

    public var seed: UInt64
    public var strata: [Stratum]

    public var sampledIDs: [Int64] { strata.flatMap(\.sample) }

    public init(strata population: [String: [Int64]], size: Int, seed: UInt64) {
        let keys = population.keys.sorted()
        let sizes = keys.map { population[$0]!.count }
        let counts = Self.allocate(size: size, sizes: sizes)
        var random = SeededRandom(seed: seed)
        self.seed = seed
        strata = zip(keys, counts).map { key, count in
            var ids = population[key]!.sorted()
            for index in 0..<count {
                let pick = index + Int(random.next(upperBound: UInt64(ids.count - index)))
                ids.swapAt(index, pick)
            }
            return Stratum(key: key, population: ids.count, sample: ids.prefix(count).sorted())
        }
    }

    /// How many items each stratum gives, by the rule above, in the order of `sizes`.
    public static func allocate(size: Int, sizes: [Int]) -> [Int] {
        let total = sizes.reduce(0, +)
        if size >= total { return sizes }
        let nonEmpty = sizes.indices.filter { sizes[$0] > 0 }
        var counts = Array(repeating: 0, count: sizes.count)
        guard size > 0 else { return counts }
        if size < nonEmpty.count {
            let largest = nonEmpty.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
            for index in largest.prefix(size) { counts[index] = 1 }
            return counts
        }
        for index in nonEmpty { counts[index] = 1 }
        let remaining = size - nonEmpty.count
        let capacity = total - nonEmpty.count
        guard remaining > 0 else { return counts }
        var remainders: [(index: Int, numerator: Int)] = []
        var given = 0
        for index in nonEmpty {
            // Exact integer arithmetic: quota = remaining·cₕ / capacity.
            let product = remaining * (sizes[index] - 1)
            counts[index] += product / capacity
            given += product / capacity
            remainders.append((index, product % capacity))
        }
        remainders.sort { $0.numerator != $1.numerator ? $0.numerator > $1.numerator : $0.index < $1.index }
        for entry in remainders.prefix(remaining - given) { counts[entry.index] += 1 }
        return counts
    }
}
