import Foundation
import QuorumCore
import QuorumStore

/// The insight part of `quorum stats`: agreement, overrides, histograms, reasons.
extension StatsReport {
    var insightLines: [String] {
        var lines: [String] = [""]
        let agreement = stats.agreement
        if agreement.items == 0 {
            lines.append("curator vs consensus: no item decided by a human yet")
        } else {
            let kappa = agreement.kappa.map { String(format: "%.3f", $0) } ?? "undefined"
            lines.append(
                "curator vs consensus: Cohen's kappa \(kappa), same label on \(agreement.agreed) of \(agreement.items) human-decided items")
        }
        if !stats.members.isEmpty {
            lines.append("")
            let widths = [20, 14, 11, 7, 10, 9]
            lines.append(insightRow(["member", "human-decided", "overridden", "rate", "discarded", "share"], widths))
            for member in stats.members {
                lines.append(insightRow(
                    [member.member, "\(member.humanDecidedWins)", "\(member.overriddenWins)", percent(member.overrideRate),
                     "\(member.discardedSets)", percent(member.discardShare)],
                    widths))
            }
        }
        let distributions = stats.distributions
        lines += chart("consensus margin", distributions.margin, digits: 3)
        lines += chart("pairwise Rouge-L F", distributions.pairwiseRougeL, digits: 1)
        lines += chart("output length (words)", distributions.outputWords, digits: 0)
        lines += reasons("reasons for rejection", stats.rejectionReasons)
        lines += reasons("reasons for discarding", stats.discardReasons)
        return lines
    }

    private func chart(_ title: String, _ distribution: Distribution, digits: Int) -> [String] {
        guard distribution.total > 0 else { return ["", "\(title): no data"] }
        return ["", "\(title) (\(distribution.total))"]
            + BlockHistogram(bins: distribution.bins(digits: digits), width: 40).lines.map { "  " + $0 }
    }

    private func reasons(_ title: String, _ reasons: [ReasonCount]) -> [String] {
        guard !reasons.isEmpty else { return [] }
        let width = String(reasons.map(\.count).max() ?? 0).count
        return ["", title] + reasons.map { reason in
            let count = String(reason.count)
            return "  " + String(repeating: " ", count: width - count.count) + count + "  " + reason.reason
        }
    }

    private func insightRow(_ cells: [String], _ widths: [Int]) -> String {
        zip(cells, widths).enumerated().map { index, pair in
            let padding = String(repeating: " ", count: max(0, pair.1 - pair.0.count))
            return index == 0 ? pair.0 + padding : padding + pair.0
        }.joined(separator: " ")
    }
}
