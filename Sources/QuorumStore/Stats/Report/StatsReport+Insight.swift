// QuorumStore/Stats/Report: The plain-text lines of the stats report, shared by `quorum stats` and `:stats`.

import Foundation
import QuorumCore

/// The insight part of the report: agreement, overrides, histograms, reasons.
extension StatsReport {
    var insightLines: [StatsReportLine] {
        var lines: [StatsReportLine] = [.blank]
        let agreement = stats.agreement
        if agreement.items == 0 {
            lines.append(StatsReportLine(.heading, "curator vs consensus: no item decided by a human yet"))
        } else {
            let kappa = agreement.kappa.map { String(format: "%.3f", $0) } ?? "undefined"
            lines.append(StatsReportLine(.heading,
                "curator vs consensus: Cohen's kappa \(kappa), same label on \(agreement.agreed) of \(agreement.items) human-decided items"))
        }
        if !stats.members.isEmpty {
            lines.append(.blank)
            let widths = [20, 14, 11, 7, 10, 9]
            lines.append(StatsReportLine(.tableHeader, Self.row(
                ["member", "human-decided", "overridden", "rate", "discarded", "share"], widths)))
            for member in stats.members {
                lines.append(StatsReportLine(.row, Self.row(
                    [member.member, "\(member.humanDecidedWins)", "\(member.overriddenWins)", Self.percent(member.overrideRate),
                     "\(member.discardedSets)", Self.percent(member.discardShare)],
                    widths)))
            }
        }
        let distributions = stats.distributions
        lines += chart("fragility (0 unanimous, 1 a coin toss)", distributions.fragility, digits: 1)
        lines += chart("consensus margin", distributions.margin, digits: 3)
        lines += chart("pairwise Rouge-L F", distributions.pairwiseRougeL, digits: 1)
        lines += chart("output length (words)", distributions.outputWords, digits: 0)
        lines += reasons("reasons for rejection", stats.rejectionReasons)
        lines += reasons("reasons for discarding", stats.discardReasons)
        for stage in FilterStage.allCases {
            let drops = stats.filterDrops.filter { $0.stage == stage }
            let total = drops.reduce(0) { $0 + $1.count }
            lines += reasons(
                "\(stage == .instruction ? "instructions" : "instances") filtered by the engine (\(total))",
                drops.map { ReasonCount(reason: $0.reason, count: $0.count) })
        }
        return lines
    }

    private func chart(_ title: String, _ distribution: Distribution, digits: Int) -> [StatsReportLine] {
        guard distribution.total > 0 else { return [.blank, StatsReportLine(.heading, "\(title): no data")] }
        return [.blank, StatsReportLine(.heading, "\(title) (\(distribution.total))")]
            + BlockHistogram(bins: distribution.bins(digits: digits), width: chartWidth).lines
                .map { StatsReportLine(.bar, "  " + $0) }
    }

    private func reasons(_ title: String, _ reasons: [ReasonCount]) -> [StatsReportLine] {
        guard !reasons.isEmpty else { return [] }
        let width = String(reasons.map(\.count).max() ?? 0).count
        return [.blank, StatsReportLine(.heading, title)] + reasons.map { reason in
            let count = String(reason.count)
            return StatsReportLine(.row, "  " + String(repeating: " ", count: width - count.count) + count + "  " + reason.reason)
        }
    }
}
