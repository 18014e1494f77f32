import QuorumStore

/// `quorum stats` as aligned plain-text tables.
struct StatsReport {
    let stats: StoreStats
    let storePath: String

    var text: String {
        var lines = ["\(storePath): \(stats.items) items, \(stats.decisions) decisions", ""]
        lines.append(row(["status", "A", "B", "total"], widths: [12, 8, 8, 8]))
        for status in ItemStatus.allCases {
            lines.append(row(
                [status.rawValue, "\(stats.count(type: .a, status: status))", "\(stats.count(type: .b, status: status))",
                 "\(stats.count(status: status))"],
                widths: [12, 8, 8, 8]))
        }
        lines.append(row(["total", "\(stats.count(type: .a))", "\(stats.count(type: .b))", "\(stats.items)"], widths: [12, 8, 8, 8]))
        lines.append("")
        if stats.members.isEmpty {
            lines.append("no candidate set has a consensus yet")
        } else {
            let widths = [20, 11, 15, 7, 8, 14, 7]
            lines.append(row(["member", "candidates", "consensus wins", "rate", "curated", "curator picks", "rate"], widths: widths))
            for member in stats.members {
                lines.append(row(
                    [member.member, "\(member.candidates)", "\(member.consensusWins)", percent(member.consensusWinRate),
                     "\(member.curatedItems)", "\(member.curatorPicks)", percent(member.curatorPickRate)],
                    widths: widths))
            }
        }
        if let agreement = stats.curatorAgreement {
            let curated = ItemStatus.curated.reduce(0) { $0 + stats.count(status: $1) }
            lines.append("")
            lines.append("curators accepted the consensus choice for \(percent(agreement)) of \(curated) curated items")
        }
        lines += insightLines
        return lines.joined(separator: "\n") + "\n"
    }

    private func row(_ cells: [String], widths: [Int]) -> String {
        zip(cells, widths).enumerated().map { index, pair in
            let (cell, width) = pair
            let padding = String(repeating: " ", count: max(0, width - cell.count))
            return index == 0 ? cell + padding : padding + cell
        }.joined(separator: " ")
    }

    func percent(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.1f%%", value * 100)
    }
}
