/// Draws the reader: the box titled with the candidate shown, the instruction and input (unless
/// folded), the text (or the choice and the candidate side by side), and a line of keys or the
/// message under the box.
enum ReaderScreen {
    static func render(_ view: ReaderView, state: WorkbenchState, into grid: inout CellGrid) {
        guard let item = state.details[view.itemID] else {
            grid.drawBox(Rect(x: 0, y: 0, width: grid.width, height: grid.height - 1),
                         title: [StyledText("Reader · #\(view.itemID)", .overlayTitle, .bold)])
            grid.put("Loading…", at: Point(x: 2, y: 1), style: .muted, clip: grid.bounds.inset(by: 1))
            renderKeyLine(state, into: &grid)
            return
        }
        let page = ReaderPage(view, item: item, viewport: grid.size, markers: state.settings.marksChangesInText)
        let scroll = min(view.scroll, page.maxScroll)
        grid.drawBox(page.box, title: title(view, item: item, sideBySide: page.columnHeaders != nil),
                     footer: [StyledText(position(scroll: scroll, page: page), .muted)])
        let inner = page.box.inset(by: 1)
        renderPrompt(page, inner: inner, into: &grid)
        if let headers = page.columnHeaders {
            renderSideBySide(page, headers: headers, scroll: scroll, into: &grid)
        } else if let column = page.columns.first {
            let clip = Rect(x: page.body.x + 1, y: page.body.y, width: page.body.width - 2, height: page.body.height)
            renderColumn(column, scroll: scroll, clip: clip, into: &grid)
        }
        renderKeyLine(state, into: &grid)
    }

    private static func title(_ view: ReaderView, item: ItemPresentation, sideBySide: Bool) -> [StyledText] {
        var title = [StyledText("Reader · #\(item.id) · ", .overlayTitle, .bold)]
        title += sideBySide ? [StyledText("side by side", .overlayTitle)] : ReaderPage.header(view.shown, item)
        if view.showsDiff, let diff = view.diff, let choice = item.choice {
            let changes = diff.changeCount
            let what = changes == 0 ? "the same words" : "\(changes) change\(changes == 1 ? "" : "s")"
            title.append(StyledText(" · diff against ★\(choice): \(what)", .muted))
            if diff.isApproximate { title.append(StyledText(" (too long to align: the middle shown replaced)", .warning)) }
        }
        return title
    }

    private static func position(scroll: Int, page: ReaderPage) -> String {
        let total = page.lineCount
        guard total > page.body.height else { return "\(total) line\(total == 1 ? "" : "s")" }
        let last = min(total, scroll + page.body.height)
        return "\(scroll + 1)–\(last)/\(total) · \(last * 100 / max(1, total))%"
    }

    private static func renderPrompt(_ page: ReaderPage, inner: Rect, into grid: inout CellGrid) {
        guard page.body.y > inner.y || !page.promptLines.isEmpty else { return }
        let textRect = Rect(x: inner.x + ReaderPage.labelWidth, y: inner.y,
                            width: inner.width - ReaderPage.labelWidth - 1, height: inner.height)
        var y = inner.y
        for line in page.promptLines where y < inner.maxY {
            if !line.label.isEmpty { grid.put(line.label, at: Point(x: inner.x + 1, y: y), style: .muted, clip: inner) }
            grid.put(line.line, at: Point(x: textRect.x, y: y), style: line.style, clip: textRect)
            y += 1
        }
        guard !page.promptLines.isEmpty, y < inner.maxY else { return }
        for x in inner.x..<inner.maxX { grid.putGlyph("─", width: 1, x: x, y: y, .border, [], inner) }
        let note = page.promptTruncated ? " cut to fit · i hides it " : " i hides it "
        grid.put(note, at: Point(x: inner.x + 2, y: y), style: .muted, clip: inner)
    }

    private static func renderSideBySide(_ page: ReaderPage, headers: Rect, scroll: Int, into grid: inout CellGrid) {
        let width = max(1, (page.body.width - 3) / 2)
        let left = Rect(x: page.body.x + 1, y: page.body.y, width: width, height: page.body.height)
        let right = Rect(x: left.maxX + 2, y: page.body.y, width: width, height: page.body.height)
        for (column, rect) in zip(page.columns, [left, right]) {
            grid.put(column.header, at: Point(x: rect.x, y: headers.y),
                     clip: Rect(x: rect.x, y: headers.y, width: rect.width, height: 1))
            renderColumn(column, scroll: scroll, clip: rect, into: &grid)
        }
        for y in headers.y..<page.body.maxY { grid.putGlyph("│", width: 1, x: left.maxX, y: y, .border, [], grid.bounds) }
    }

    private static func renderColumn(_ column: ReaderPage.Column, scroll: Int, clip: Rect, into grid: inout CellGrid) {
        guard scroll < column.lines.count else { return }
        let visible = column.lines[scroll..<min(column.lines.count, scroll + clip.height)]
        let spans = column.document.spans
        var spanIndex = firstSpan(spans, reaching: visible.first?.glyphs.first?.utf8Offset ?? 0)
        for (offset, line) in visible.enumerated() {
            grid.put(line, at: Point(x: clip.x, y: clip.y + offset), spans: spans, from: &spanIndex, clip: clip)
        }
    }

    /// The index of the first span that ends after `offset`.
    private static func firstSpan(_ spans: [ReaderDocument.Span], reaching offset: Int) -> Int {
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].bytes.upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    static let keyHint = "j/k g/G scroll · 0–9 show · d diff · s beside · i task · t take · q close"

    private static func renderKeyLine(_ state: WorkbenchState, into grid: inout CellGrid) {
        let row = Rect(x: 0, y: grid.height - 1, width: grid.width, height: 1)
        grid.fill(row, style: .statusBar)
        if let message = state.status.message {
            let role: StyleRole = switch message.severity {
            case .info: .statusBar
            case .success: .success
            case .warning: .warning
            case .error: .danger
            }
            grid.putTruncated(message.text, at: Point(x: 1, y: row.y), style: role, clip: row)
        } else {
            grid.putTruncated(keyHint, at: Point(x: 1, y: row.y), style: .statusBar, clip: row)
        }
    }
}

extension CellGrid {
    /// Paints one wrapped line of a reader document, each glyph in the style of the span it
    /// starts in; `spanIndex` moves on with the lines.
    mutating func put(
        _ line: WrappedLine, at point: Point, spans: [ReaderDocument.Span], from spanIndex: inout Int, clip: Rect
    ) {
        var x = point.x
        for glyph in line.glyphs {
            var role = glyph.kind == .escape ? StyleRole.escaped : StyleRole.text
            while spanIndex < spans.count && spans[spanIndex].bytes.upperBound <= glyph.utf8Offset { spanIndex += 1 }
            if glyph.kind != .escape, spanIndex < spans.count, spans[spanIndex].bytes.contains(glyph.utf8Offset) {
                role = spans[spanIndex].style
            }
            x = putGlyph(glyph.glyph, width: glyph.width, x: x, y: point.y, role, [], clip)
            if x >= clip.maxX { return }
        }
    }
}
