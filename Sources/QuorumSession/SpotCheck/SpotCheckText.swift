// QuorumSession/SpotCheck: Spot-check sessions: the workbench on a stratified sample, the report of its verdicts.

import Foundation
import QuorumStore

/// `quorum spot-check` as plain text: the sample per stratum, then the error-rate table.
public struct SpotCheckText {
    public let report: SpotCheckReport
    public var target: Double?

    public init(report: SpotCheckReport, target: Double?) {
        self.report = report
        self.target = target
    }

    public var text: String {
        let sampled = report.sample.sampledIDs.count
        var lines = [
            "\(sampled) of \(report.population) decisions made without a human, by \(report.stratification.rawValue), seed \(report.sample.seed)",
        ]
        if let imports = report.unreviewedImports, imports > 0 {
            lines.append("\(imports) of the \(sampled) sampled \(imports == 1 ? "is an imported consensus choice" : "are imported consensus choices") "
                + "no one has reviewed yet (the others were accepted automatically or reviewed since)")
        }
        if let edges = report.fragilityEdges, !edges.isEmpty {
            lines.append("fragility quartile edges (q4 the most fragile): " + edges.map { String(format: "%.4f", $0) }.joined(separator: ", "))
        }
        lines.append("")
        for stratum in report.sample.strata {
            let ids = stratum.sample.map(String.init).joined(separator: " ")
            lines.append("\(stratum.key) (\(stratum.sample.count) of \(stratum.population)): \(ids)")
        }
        lines.append("")
        let widths = [16, 8, 7, 6, 8, 18]
        lines.append(row(["stratum", "sampled", "judged", "wrong", "error", "Wilson 95%"], widths))
        for entry in report.estimate.strata + [report.estimate.overall] {
            let interval = entry.interval.map { String(format: "%.1f%%–%.1f%%", $0.lower * 100, $0.upper * 100) } ?? "-"
            let rate = entry.errorRate.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
            lines.append(row([entry.stratum, "\(entry.sampled)", "\(entry.judged)", "\(entry.wrong)", rate, interval], widths))
        }
        if report.estimate.overall.judged < sampled {
            lines.append("")
            lines.append("\(sampled - report.estimate.overall.judged) sampled decisions have no human verdict yet")
        }
        if let target {
            let upper = report.estimate.overall.interval.map { String(format: "%.1f%%", $0.upper * 100) } ?? "none yet"
            let verdict = report.estimate.meets(target: target) ? "met" : "not met: judge more of the sample"
            lines.append(String(format: "target %.1f%%: ", target * 100) + "\(verdict) (overall upper bound \(upper))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func row(_ cells: [String], _ widths: [Int]) -> String {
        zip(cells, widths).enumerated().map { index, pair in
            let padding = String(repeating: " ", count: max(0, pair.1 - pair.0.count))
            return index == 0 ? pair.0 + padding : padding + pair.0
        }.joined(separator: " ")
    }
}
