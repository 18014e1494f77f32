import QuorumCore

/// Agreement between curators and the consensus, as Cohen's kappa over nominal labels.
///
/// **Which items count:** items whose current candidate set has a consensus choice and whose
/// status (accepted, overridden, edited, rejected) was set by a human: some outcome decision on
/// that set by a curator other than `auto` that was not undone. Decisions by `auto`
/// (`--auto-accept`) alone do not count: they agree with the consensus by construction.
///
/// **Labels:** the consensus's label is its chosen candidate index; the curator's is the index
/// of the candidate the item ended with (the consensus choice when accepted, the picked one when
/// overridden), or `edited/rejected` for an edit or a rejection.
public struct CuratorAgreement: Sendable, Equatable, Encodable {
    public var items: Int
    public var agreed: Int
    /// `nil` when undefined (no items, or every label the same on both sides).
    public var kappa: Double?
    /// `confusion[curatorLabel][consensusLabel]`: how many items got that pair of labels.
    public var confusion: [String: [String: Int]]

    public static let editedOrRejected = "edited/rejected"

    public init(confusion: [String: [String: Int]]) {
        self.confusion = confusion
        var first: [String: Int] = [:]
        var second: [String: Int] = [:]
        var agreed = 0
        var items = 0
        for (curator, row) in confusion {
            for (consensus, count) in row {
                first[curator, default: 0] += count
                second[consensus, default: 0] += count
                items += count
                if curator == consensus { agreed += count }
            }
        }
        self.items = items
        self.agreed = agreed
        kappa = CohenKappa.kappa(agreed: agreed, total: items, firstMargins: first, secondMargins: second)
    }
}

/// A histogram as data: `bins[i]` counts the values in `[edges[i], edges[i+1])` (the last bin
/// is closed, or open-ended when its upper edge is infinite).
public struct Distribution: Sendable, Equatable, Encodable {
    public var edges: [Double]
    public var counts: [Int]
    public var total: Int { counts.reduce(0, +) }

    public init(edges: [Double], counts: [Int]) {
        self.edges = edges
        self.counts = counts
    }

    public enum CodingKeys: String, CodingKey { case edges, counts, total }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        // JSON has no infinity: an open upper edge is written as null.
        try container.encode(edges.map { $0.isFinite ? $0 : nil }, forKey: .edges)
        try container.encode(counts, forKey: .counts)
        try container.encode(total, forKey: .total)
    }

    /// The bins for `BlockHistogram`, labelled by their edges.
    public func bins(digits: Int) -> [BlockHistogram.Bin] {
        counts.indices.map { index in
            let upper = edges[index + 1]
            let label = upper.isFinite
                ? "\(Self.format(edges[index], digits))–\(Self.format(upper, digits))"
                : "≥ \(Self.format(edges[index], digits))"
            return BlockHistogram.Bin(label: label, count: counts[index])
        }
    }

    static func format(_ value: Double, _ digits: Int) -> String {
        if digits == 0 { return String(Int(value)) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let fraction = String(abs(scaled) % Int(scale))
        return "\(scaled < 0 ? "-" : "")\(abs(scaled) / Int(scale)).\(String(repeating: "0", count: digits - fraction.count))\(fraction)"
    }
}

/// One rejection reason and how often it was given.
public struct ReasonCount: Sendable, Equatable, Encodable {
    public var reason: String
    public var count: Int
}

/// The distributions `quorum stats` charts, over the items' current candidate sets.
public struct StatsDistributions: Sendable, Equatable, Encodable {
    /// Consensus margin (best score minus second best) of sets with a consensus choice.
    public var margin: Distribution
    /// `ConsensusResult.fragility` of sets with a consensus choice, in tenths from 0 to 1.
    public var fragility: Distribution
    /// Pairwise Rouge-L F: each pair of candidates once (the matrix's upper triangle).
    public var pairwiseRougeL: Distribution
    /// Candidates' output length in words (runs of non-blank text between spaces or newlines).
    public var outputWords: Distribution
}
