/// Quantile bins: cut a set of values into `count` groups of about equal size, as the margin
/// strata of a spot-check are made ("fragile" decisions in the first bin).
///
/// With the n values sorted ascending as v₀…vₙ₋₁, the edges are e_i = v_⌊i·n/count⌋ for
/// i = 1…count−1, and a value x falls in bin b = the number of edges ≤ x. Equal values always
/// share a bin, so with many ties some bins can be empty.
public struct QuantileBins: Sendable, Equatable, Codable {
    public var edges: [Double]
    public var count: Int

    public init(values: [Double], count: Int) {
        precondition(count >= 1)
        self.count = count
        let sorted = values.sorted()
        edges = sorted.isEmpty ? [] : (1..<count).map { sorted[$0 * sorted.count / count] }
    }

    /// The bin of `value`, 0 for the smallest values.
    public func bin(of value: Double) -> Int {
        var low = 0
        var high = edges.count
        while low < high {
            let middle = (low + high) / 2
            if edges[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// A name that sorts in bin order: `q1`, `q2`, …
    public func label(of bin: Int) -> String { "q\(bin + 1)" }
}
