// QuorumCore/Statistics: The statistics behind `quorum stats` and spot-checks: Wilson intervals, kappa, alpha,
// histograms and stratified sampling.

/// A histogram drawn with Unicode block characters, one line per bin:
/// `label  count  ████▌`, bars scaled so the largest bin fills `width` cells, eighths of a
/// cell drawn with ▏▎▍▌▋▊▉.
public struct BlockHistogram: Sendable, Equatable {
    public struct Bin: Sendable, Equatable, Codable {
        public var label: String
        public var count: Int

        public init(label: String, count: Int) {
            self.label = label
            self.count = count
        }
    }

    public var bins: [Bin]
    public var width: Int

    public init(bins: [Bin], width: Int = 40) {
        self.bins = bins
        self.width = width
    }

    /// Equal-width bins over [lower, upper): values outside are clamped into the end bins.
    public static func bins(of values: [Double], lower: Double, upper: Double, count: Int, digits: Int = 2) -> [Bin] {
        precondition(count >= 1 && upper > lower)
        var counts = Array(repeating: 0, count: count)
        let step = (upper - lower) / Double(count)
        for value in values where value.isFinite {
            counts[min(count - 1, max(0, Int((value - lower) / step)))] += 1
        }
        return counts.enumerated().map { index, count in
            let from = lower + Double(index) * step
            return Bin(label: "\(format(from, digits))–\(format(from + step, digits))", count: count)
        }
    }

    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// Whether `character` is drawn by `bar`: a full block or an eighth.
    public static func isBarGlyph(_ character: Character) -> Bool {
        character == "█" || eighths.contains(String(character))
    }

    /// The bar for `count` when `maximum` fills `width` cells.
    public static func bar(_ count: Int, maximum: Int, width: Int) -> String {
        guard maximum > 0, count > 0 else { return "" }
        let eighthsTotal = max(1, Int((Double(count) / Double(maximum) * Double(width * 8)).rounded()))
        return String(repeating: "█", count: eighthsTotal / 8) + eighths[eighthsTotal % 8]
    }

    public var lines: [String] {
        let maximum = bins.map(\.count).max() ?? 0
        let labelWidth = bins.map(\.label.count).max() ?? 0
        let countWidth = bins.map { String($0.count).count }.max() ?? 0
        return bins.map { bin in
            let label = bin.label + String(repeating: " ", count: labelWidth - bin.label.count)
            let count = String(repeating: " ", count: countWidth - String(bin.count).count) + String(bin.count)
            return "\(label)  \(count)  \(Self.bar(bin.count, maximum: maximum, width: width))"
        }
    }

    private static func format(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = String(rounded)
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
            if digits == 0 { text = String(text[..<dot]) }
        }
        return text
    }
}
