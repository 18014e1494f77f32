/// The candidates pane with the focus (Tab): every candidate whole, one under the other,
/// scrolled by j/k and the wheel.
extension CandidatesPane {
    /// One row of the scrolled pane: a candidate's header, or a line of its text.
    enum ScrolledRow {
        case header(Int)
        case line(block: Int, line: Int)
    }

    static func scrolledRows(_ blocks: [Block]) -> [ScrolledRow] {
        var rows: [ScrolledRow] = []
        for (index, block) in blocks.enumerated() {
            rows.append(.header(index))
            rows += block.lines.indices.map { ScrolledRow.line(block: index, line: $0) }
        }
        return rows
    }

    /// Rows the pane at `rect` scrolls through for `selection`, and how many it shows at once.
    static func scrollExtent(_ selection: Selection, in rect: Rect) -> (rows: Int, visible: Int) {
        let blocks = blocks(selection, width: textWidth(rect)).blocks
        return (blocks.reduce(0) { $0 + 1 + $1.lines.count }, max(1, rect.height - 2))
    }

    static func renderScrolled(_ blocks: [Block], from scroll: Int, title: [StyledText], into grid: inout CellGrid, in rect: Rect) {
        let inner = rect.inset(by: 1)
        let rows = scrolledRows(blocks)
        let top = max(0, min(scroll, rows.count - inner.height))
        let last = min(rows.count, top + inner.height)
        let position = rows.count > inner.height ? "\(top + 1)–\(last)/\(rows.count) · " : ""
        grid.drawBox(rect, title: title + [StyledText(" · scrolling", .accent)],
                     footer: [StyledText(position + "j/k scroll · Tab back", .muted)])
        guard !inner.isEmpty, top < last else { return }
        let textRect = Rect(x: inner.x + textIndent, y: inner.y, width: inner.width - textIndent - 1, height: inner.height)
        for (offset, row) in rows[top..<last].enumerated() {
            let y = inner.y + offset
            switch row {
            case .header(let index):
                var header = blocks[index].header
                if blocks[index].truncated {
                    header.append(StyledText("  (the first \(maxLinesPerCandidate) lines; v reads it all)", .muted))
                }
                grid.put(header, at: Point(x: inner.x + 1, y: y), clip: inner)
            case .line(let index, let line):
                let block = blocks[index]
                grid.put(block.lines[line], at: Point(x: textRect.x, y: y), style: block.textStyle, clip: textRect,
                         highlight: block.highlight, highlightStyle: block.highlightStyle)
            }
        }
    }
}
