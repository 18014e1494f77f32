/// The guidelines over the item and candidates (the queue stays in view): the Markdown
/// wrapped to the box, scrolled from `scroll`, headings and emphasis in their own colours.
enum GuidelinesOverlay {
    struct Line: Equatable {
        var indent: Int
        var marker: String
        var wrapped: WrappedLine
        var kind: GuidelinesDocument.Block.Kind
        var emphasis: [Range<Int>]
    }

    /// The document's lines at `width` columns of text.
    static func lines(_ document: GuidelinesDocument, width: Int) -> [Line] {
        var lines: [Line] = []
        for block in document.blocks {
            let markerWidth = DisplayWidth.of(block.marker)
            let textWidth = max(1, width - block.indent - markerWidth)
            if block.kind == .blank {
                lines.append(Line(indent: 0, marker: "", wrapped: WrappedLine(), kind: .blank, emphasis: []))
                continue
            }
            let wrapped = TextWrap.lines(block.text, width: block.kind == .code ? max(1, width - block.indent) : textWidth,
                                         maxLines: block.kind == .code ? 1 : 500).lines
            for (index, piece) in wrapped.enumerated() {
                let marker = index == 0 || block.kind == .quote ? block.marker : String(repeating: " ", count: markerWidth)
                lines.append(Line(indent: block.indent, marker: marker, wrapped: piece, kind: block.kind, emphasis: block.emphasis))
            }
        }
        return lines
    }

    /// Where the view goes: over everything right of the queue and above the status bar.
    static func frame(_ layout: WorkbenchLayout) -> Rect {
        let top = layout.item.y
        let left = layout.item.x
        let bottom = layout.statusBar.y
        return Rect(x: left, y: top, width: layout.size.width - left, height: bottom - top)
    }

    static func visibleRows(_ frame: Rect) -> Int { max(1, frame.height - 2) }

    static func textWidth(_ frame: Rect) -> Int { max(1, frame.width - 4) }

    static func render(_ guidelines: Guidelines, scroll: Int, into grid: inout CellGrid, in frame: Rect) {
        grid.fill(frame, style: .text)
        let lines = lines(guidelines.document, width: textWidth(frame))
        let rows = visibleRows(frame)
        let first = max(0, min(scroll, lines.count - rows))
        let shown = lines.isEmpty ? "empty" : "\(first + 1)–\(min(lines.count, first + rows))/\(lines.count)"
        grid.drawBox(frame, title: [StyledText("Guidelines", .title, .bold), StyledText(" · " + guidelines.path, .muted)],
                     footer: [StyledText(shown + " · j/k PgDn/PgUp g/G · H or Esc closes", .muted)])
        let inner = frame.inset(by: 1)
        guard !inner.isEmpty else { return }
        let text = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        for (offset, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            let y = text.y + offset
            var x = text.x + line.indent
            x = grid.put(line.marker, at: Point(x: x, y: y), style: line.kind == .quote ? .muted : .accent, clip: text)
            let style: StyleRole = switch line.kind {
            case .heading: .title
            case .code, .quote: .muted
            case .paragraph, .item, .blank: .text
            }
            grid.put(line.wrapped, at: Point(x: x, y: y), style: style, clip: text, highlight: line.emphasis, highlightStyle: .accent)
        }
    }
}
