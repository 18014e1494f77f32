/// The queue in one row, for small terminals: where the cursor is, the selected item and
/// those after it as far as they fit, and the key that shows the whole queue.
enum QueueStrip {
    /// Columns a neighbour's summary gets at most.
    static let summaryWidth = 22

    static func render(_ state: WorkbenchState, into grid: inout CellGrid, in rect: Rect) {
        grid.fill(rect, style: .text)
        guard !rect.isEmpty else { return }
        let query = state.queue.query
        let count = state.entryCount
        let position = count == 0 ? "0" : "\(state.queue.cursor + 1)/\(count)\(state.queue.isExhausted ? "" : "+")"
        var head = [StyledText(state.spotCheck == nil ? " Queue " : " Sample ", .title, .bold),
                    StyledText(position + " · " + query.filter.label, .muted)]
        if !query.search.isEmpty { head.append(StyledText(" · /" + query.search, .accent)) }
        let key = [StyledText(" z", .accent), StyledText(" whole queue ", .muted)]
        let keyWidth = key.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let line = Rect(x: rect.x, y: rect.y, width: max(0, rect.width - keyWidth), height: 1)
        var x = grid.put(head, at: Point(x: line.x, y: line.y), clip: line)
        var index = state.queue.cursor
        while x + 8 < line.maxX, let entry = state.entry(at: index) {
            x = renderEntry(entry, selected: index == state.queue.cursor, at: x + 2, into: &grid, in: line)
            index += 1
        }
        grid.put(key, at: Point(x: rect.maxX - keyWidth, y: rect.y), clip: rect)
    }

    private static func renderEntry(
        _ entry: QueueEntry, selected: Bool, at start: Int, into grid: inout CellGrid, in line: Rect
    ) -> Int {
        let base: StyleRole = selected ? .selection : .text
        var x = grid.put(selected ? "▸" : "", at: Point(x: start, y: line.y), style: base, clip: line)
        let summary: String
        switch entry {
        case .stored(let row):
            x = grid.put("#\(row.itemID) ", at: Point(x: x, y: line.y), style: selected ? .selection : .muted, clip: line)
            let glyph: Character = row.isWriting ? "⋯" : StatusAppearance.glyph(row.status)
            x = grid.put(String(glyph) + " ", at: Point(x: x, y: line.y), style: StatusAppearance.role(row.status), clip: line)
            summary = row.summary
        case .live(let item):
            x = grid.put("new ◌ ", at: Point(x: x, y: line.y), style: .streaming, clip: line)
            summary = item.summary
        }
        let room = Rect(x: x, y: line.y, width: min(summaryWidth, line.maxX - x), height: 1)
        return grid.putTruncated(summary, at: Point(x: x, y: line.y), style: base, clip: room)
    }
}
