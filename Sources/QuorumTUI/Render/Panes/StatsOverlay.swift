import QuorumCore
import QuorumStore

/// The `:stats` view: what `quorum stats` prints, full screen, scrollable down and across.
enum StatsOverlay {
    /// Rows of the report shown at a terminal size (the box takes two).
    static func visibleRows(in viewport: Size) -> Int {
        max(1, viewport.height - 2)
    }

    /// Columns of the report shown (the box and a margin each side take four).
    static func visibleColumns(in viewport: Size) -> Int {
        max(1, viewport.width - 4)
    }

    /// Histogram bars shrink so a chart fits beside its labels on narrow screens.
    static func chartWidth(forColumns columns: Int) -> Int {
        max(8, min(40, columns - 28))
    }

    static func lines(_ view: StatsView, columns: Int) -> [StatsReportLine] {
        switch view.content {
        case .loading:
            return [StatsReportLine(.heading, "Reading the store… (every item is counted: seconds on a large store)")]
        case .failed(let problem):
            return [StatsReportLine(.heading, "The statistics could not be read:"), StatsReportLine(.row, problem)]
        case .loaded(let snapshot):
            let report = StatsReport(stats: snapshot.stats, storePath: snapshot.storePath, chartWidth: chartWidth(forColumns: columns))
            guard !snapshot.team.isEmpty else { return report.lines }
            return report.lines + [StatsReportLine(.blank, ""), StatsReportLine(.heading, "Team")]
                + snapshot.team.map { StatsReportLine(.row, $0) }
        }
    }

    /// `view` with its scroll and column kept where there is something to show.
    static func clamped(_ view: StatsView, viewport: Size) -> StatsView {
        var view = view
        let columns = visibleColumns(in: viewport)
        let lines = lines(view, columns: columns)
        view.scroll = max(0, min(view.scroll, lines.count - visibleRows(in: viewport)))
        let widest = lines.map { DisplayWidth.of($0.text) }.max() ?? 0
        view.column = max(0, min(view.column, widest - columns))
        return view
    }

    static func render(_ view: StatsView, into grid: inout CellGrid, in screen: Rect) {
        let size = Size(width: screen.width, height: screen.height)
        let columns = visibleColumns(in: size)
        let rows = visibleRows(in: size)
        let content = lines(view, columns: columns)
        let widest = content.map { DisplayWidth.of($0.text) }.max() ?? 0
        var footer: [StyledText] = []
        if content.count > rows {
            let last = min(content.count, view.scroll + rows)
            footer.append(StyledText("\(view.scroll + 1)–\(last)/\(content.count) · j/k scroll · ", .muted))
        }
        if widest > columns { footer.append(StyledText("h/l across · ", .muted)) }
        footer.append(StyledText("r reload · q close", .muted))
        grid.drawBox(screen, title: [StyledText("Stats", .overlayTitle, .bold)], footer: footer)
        let area = Rect(x: screen.x + 2, y: screen.y + 1, width: columns, height: rows)
        for offset in 0..<rows where view.scroll + offset < content.count {
            let line = content[view.scroll + offset]
            let y = area.y + offset
            let clip = Rect(x: area.x, y: y, width: area.width, height: 1)
            let start = Point(x: area.x - view.column, y: y)
            switch line.kind {
            case .bar:
                let text = Substring(line.text)
                let barStart = text.firstIndex { BlockHistogram.isBarGlyph($0) } ?? text.endIndex
                let x = grid.put(text[..<barStart], at: start, style: .text, clip: clip)
                grid.put(text[barStart...], at: Point(x: x, y: y), style: .accent, clip: clip)
            default:
                let (style, attributes) = appearance(line.kind)
                grid.put(line.text, at: start, style: style, attributes: attributes, clip: clip)
            }
        }
    }

    private static func appearance(_ kind: StatsReportLine.Kind) -> (StyleRole, TextAttributes) {
        switch kind {
        case .title: return (.title, .bold)
        case .heading: return (.accent, [])
        case .tableHeader: return (.muted, .bold)
        case .row, .bar, .blank: return (.text, [])
        }
    }
}
