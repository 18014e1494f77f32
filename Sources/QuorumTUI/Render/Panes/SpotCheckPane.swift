import QuorumCore

/// The spot-check's running estimate under the queue: per stratum and overall, how many
/// sampled decisions are judged, how many were wrong, the error rate and its Wilson 95%
/// interval, and whether the target is met.
enum SpotCheckPane {
    /// Rows the pane wants: its box, a header, one per stratum, the overall row and the target.
    static func height(_ spotCheck: SpotCheckState) -> Int {
        2 + 1 + spotCheck.estimate.strata.count + 1 + (spotCheck.target == nil ? 0 : 1)
    }

    static func render(_ spotCheck: SpotCheckState, into grid: inout CellGrid, in rect: Rect) {
        let estimate = spotCheck.estimate
        let overall = estimate.overall
        grid.drawBox(
            rect, title: [StyledText("Spot-check", .title, .bold), StyledText(" · by " + spotCheck.report.stratification.rawValue, .muted)],
            footer: [StyledText("judged \(overall.judged)/\(overall.sampled)", .muted)])
        let inner = rect.inset(by: 1)
        guard !inner.isEmpty else { return }
        let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        let table = Table(rows: estimate.strata + [overall], width: content.width)
        var bottom = content.maxY
        if let target = spotCheck.target {
            bottom -= 1
            let met = spotCheck.isTargetMet
            let upper = overall.interval.map { Format.percent($0.upper) } ?? "none yet"
            let text = met
                ? "target \(Format.percent(target)) met: you can stop"
                : "target \(Format.percent(target)): not met (upper \(upper))"
            grid.putTruncated(text, at: Point(x: content.x, y: bottom), style: met ? .success : .muted,
                              clip: content.row(bottom - content.y))
        }
        guard bottom - content.y >= 2 else {
            grid.putTruncated(table.line(overall), at: Point(x: content.x, y: content.y), style: .text,
                              attributes: .bold, clip: content.row(0))
            return
        }
        grid.put(table.header, at: Point(x: content.x, y: content.y), style: .muted, attributes: .bold, clip: content.row(0))
        let strataRows = min(estimate.strata.count, bottom - content.y - 2)
        for (offset, row) in estimate.strata.prefix(strataRows).enumerated() {
            let y = content.y + 1 + offset
            grid.put(table.line(row), at: Point(x: content.x, y: y), style: row.wrong > 0 ? .warning : .text,
                     clip: content.row(y - content.y))
        }
        let overallY = content.y + 1 + strataRows
        grid.put(table.line(overall), at: Point(x: content.x, y: overallY), style: .text, attributes: .bold,
                 clip: content.row(overallY - content.y))
    }

    /// The columns that fit: the interval goes first when room is short, then the wrong count.
    private struct Table {
        static let titles = ["stratum", "judged", "wrong", "error", "95% CI"]
        var widths: [Int]
        var columns: [Int]

        init(rows: [ErrorRateEstimate.Row], width: Int) {
            let cells = rows.map(Self.cells)
            widths = Self.titles.indices.map { column in
                max(DisplayWidth.of(Self.titles[column]), cells.map { DisplayWidth.of($0[column]) }.max() ?? 0)
            }
            var columns = [0, 1, 2, 3, 4]
            for dropped in [4, 2] where Self.stratumRoom(columns, widths, width) < 6 {
                columns.removeAll { $0 == dropped }
            }
            self.columns = columns
            widths[0] = max(1, Self.stratumRoom(columns, widths, width))
        }

        private static func stratumRoom(_ columns: [Int], _ widths: [Int], _ width: Int) -> Int {
            width - columns.dropFirst().reduce(0) { $0 + widths[$1] + 1 }
        }

        static func cells(_ row: ErrorRateEstimate.Row) -> [String] {
            let interval = row.interval.map {
                Format.fixed($0.lower * 100, digits: 1) + "–" + Format.percent($0.upper)
            }
            return [row.stratum, "\(row.judged)/\(row.sampled)", "\(row.wrong)", row.errorRate.map(Format.percent) ?? "–",
                    interval ?? "–"]
        }

        var header: String { format(Self.titles) }

        func line(_ row: ErrorRateEstimate.Row) -> String { format(Self.cells(row)) }

        private func format(_ cells: [String]) -> String {
            columns.map { column in
                let cell = cells[column]
                let width = widths[column]
                if column == 0 {
                    var shown = Substring(cell)
                    if DisplayWidth.of(shown) > width {
                        while DisplayWidth.of(shown) > max(0, width - 1) && !shown.isEmpty { shown = shown.dropLast() }
                        return String(shown) + "…" + String(repeating: " ", count: max(0, width - 1 - DisplayWidth.of(shown)))
                    }
                    return cell + String(repeating: " ", count: width - DisplayWidth.of(cell))
                }
                return String(repeating: " ", count: max(0, width - DisplayWidth.of(cell))) + cell
            }.joined(separator: " ")
        }
    }
}
