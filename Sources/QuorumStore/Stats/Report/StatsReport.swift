import Foundation
import QuorumCore

/// `StoreStats` as aligned plain-text tables and block charts: what `quorum stats` prints and
/// the workbench's `:stats` view shows.
public struct StatsReport: Sendable {
    public let stats: StoreStats
    public let storePath: String
    /// Cells the longest histogram bar fills.
    public var chartWidth: Int

    public init(stats: StoreStats, storePath: String, chartWidth: Int = 40) {
        self.stats = stats
        self.storePath = storePath
        self.chartWidth = chartWidth
    }

    public var text: String {
        lines.map(\.text).joined(separator: "\n") + "\n"
    }

    public var lines: [StatsReportLine] {
        let scope = stats.filter.map { " · filter \(TerminalSafeText.escaped($0))" } ?? ""
        var lines = [StatsReportLine(.title, "\(storePath): \(stats.items) items, \(stats.decisions) decisions\(scope)"), .blank]
        let statusWidths = [12, 8, 8, 8]
        lines.append(StatsReportLine(.tableHeader, Self.row(["status", "A", "B", "total"], statusWidths)))
        for status in ItemStatus.allCases {
            lines.append(StatsReportLine(.row, Self.row(
                [status.rawValue, "\(stats.count(type: .a, status: status))", "\(stats.count(type: .b, status: status))",
                 "\(stats.count(status: status))"],
                statusWidths)))
        }
        lines.append(StatsReportLine(.row, Self.row(
            ["total", "\(stats.count(type: .a))", "\(stats.count(type: .b))", "\(stats.items)"], statusWidths)))
        lines.append(.blank)
        if stats.members.isEmpty {
            lines.append(StatsReportLine(.heading, "no candidate set has a consensus yet"))
        } else {
            let widths = [20, 11, 15, 7, 8, 14, 7]
            lines.append(StatsReportLine(.tableHeader, Self.row(
                ["member", "candidates", "consensus wins", "rate", "curated", "curator picks", "rate"], widths)))
            for member in stats.members {
                lines.append(StatsReportLine(.row, Self.row(
                    [member.member, "\(member.candidates)", "\(member.consensusWins)", Self.percent(member.consensusWinRate),
                     "\(member.curatedItems)", "\(member.curatorPicks)", Self.percent(member.curatorPickRate)],
                    widths)))
            }
        }
        if !stats.curators.isEmpty {
            lines.append(.blank)
            let widths = [16, 9, 10, 7, 9, 6, 6, 8, 8, 9]
            lines.append(StatsReportLine(.tableHeader, Self.row(
                ["curator", "accepted", "overridden", "edited", "rejected", "undos", "skips", "per hour", "departed",
                 "active"], widths)))
            for curator in stats.curators {
                lines.append(StatsReportLine(.row, Self.row(
                    [TerminalSafeText.escaped(curator.curator), "\(curator.accepted)", "\(curator.overridden)",
                     "\(curator.edited)", "\(curator.rejected)", "\(curator.undone)", "\(curator.skipped)",
                     curator.ratePerHour.map { String(Int($0.rounded())) } ?? "-", Self.percent(curator.departureRate),
                     Self.minutes(curator.activeSeconds)],
                    widths)))
            }
        }
        if let agreement = stats.curatorAgreement {
            let curated = ItemStatus.curated.reduce(0) { $0 + stats.count(status: $1) }
            lines.append(.blank)
            lines.append(StatsReportLine(
                .heading, "curators accepted the consensus choice for \(Self.percent(agreement)) of \(curated) curated items"))
        }
        return lines + insightLines
    }

    /// Cells padded to their widths: the first left-aligned, the others right-aligned.
    static func row(_ cells: [String], _ widths: [Int]) -> String {
        zip(cells, widths).enumerated().map { index, pair in
            let (cell, width) = pair
            let padding = String(repeating: " ", count: max(0, width - cell.count))
            return index == 0 ? cell + padding : padding + cell
        }.joined(separator: " ")
    }

    static func minutes(_ seconds: Double) -> String {
        seconds < 60 ? "\(Int(seconds))s" : "\(Int((seconds / 60).rounded()))m"
    }

    static func percent(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.1f%%", value * 100)
    }
}
