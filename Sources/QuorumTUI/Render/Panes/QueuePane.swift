import QuorumCore

/// The queue: one row per item with its id, status and instruction, the cursor's row
/// highlighted, and a footer saying where the cursor is.
enum QueuePane {
    static func render(_ state: WorkbenchState, into grid: inout CellGrid, in rect: Rect) {
        let query = state.queue.query
        var title = [StyledText(state.spotCheck == nil ? "Queue" : "Sample", .title, .bold),
                     StyledText(" · " + query.filter.label, .muted)]
        if query.order == .fragility { title.append(StyledText(" · " + query.order.label, .muted)) }
        if state.status.team != nil && query.filter == .awaitingReview { title.append(StyledText(" · yours", .muted)) }
        if !query.search.isEmpty { title.append(StyledText(" · /" + query.search, .accent)) }
        let count = state.entryCount
        let footer = count == 0 ? [] : [StyledText(
            "\(state.queue.cursor + 1)/\(count)\(state.queue.isExhausted ? "" : "+")", .muted)]
        grid.drawBox(rect, title: title, footer: footer)
        let inner = rect.inset(by: 1)
        guard !inner.isEmpty else { return }
        if count == 0 {
            renderEmpty(state, into: &grid, in: inner)
            return
        }
        let columns = Columns(
            idWidth: max(4, String(state.queue.largestItemID).count), showsLabels: inner.width >= 40,
            showsFragility: query.order == .fragility && inner.width >= 30,
            fragileAbove: state.settings.fragileAbove, verdicts: state.spotCheck?.verdicts)
        for offset in 0..<inner.height {
            let index = state.queue.top + offset
            guard let entry = state.entry(at: index) else { break }
            renderRow(entry, selected: index == state.queue.cursor, columns, into: &grid, in: inner.row(offset))
        }
    }

    private struct Columns {
        var idWidth: Int
        var showsLabels: Bool
        /// In fragility order, each item's fragility before its summary.
        var showsFragility: Bool
        var fragileAbove: Double
        /// In a spot-check, the verdicts so far: a row shows its verdict, or that it awaits one.
        var verdicts: [Int64: ErrorRateEstimate.Verdict]?
    }

    /// A spot-check row's glyph, label and role: judged right, judged wrong, or not yet.
    private static func verdictAppearance(_ verdict: ErrorRateEstimate.Verdict?) -> (Character, String, StyleRole) {
        switch verdict {
        case .right?: return ("✓", "right", .accepted)
        case .wrong?: return ("✗", "wrong", .rejected)
        case nil: return ("○", "to judge", .pending)
        }
    }

    private static func renderRow(
        _ entry: QueueEntry, selected: Bool, _ columns: Columns, into grid: inout CellGrid, in row: Rect
    ) {
        let idWidth = columns.idWidth
        let showsLabels = columns.showsLabels
        let base: StyleRole = selected ? .selection : .text
        if selected { grid.fill(row, style: .selection) }
        var x = grid.put(selected ? "▸ " : "  ", at: Point(x: row.x, y: row.y), style: base, clip: row)
        switch entry {
        case .stored(let item):
            let id = String(item.itemID)
            x = grid.put(String(repeating: " ", count: max(0, idWidth - id.count)) + id + " ",
                         at: Point(x: x, y: row.y), style: selected ? .selection : .muted, clip: row)
            if let verdicts = columns.verdicts {
                let (glyph, label, role) = verdictAppearance(verdicts[item.itemID])
                x = grid.put(String(item.isWriting ? "⋯" : glyph) + " ", at: Point(x: x, y: row.y), style: role, clip: row)
                if showsLabels {
                    x = grid.put(StatusAppearance.padded(label), at: Point(x: x, y: row.y),
                                 style: selected ? .selection : role, clip: row)
                }
            } else {
                let glyph: Character = item.isWriting ? "⋯" : StatusAppearance.glyph(item.status)
                x = grid.put(String(glyph) + " ", at: Point(x: x, y: row.y), style: StatusAppearance.role(item.status), clip: row)
                if showsLabels {
                    x = grid.put(StatusAppearance.paddedLabel(item.status), at: Point(x: x, y: row.y),
                                 style: selected ? .selection : StatusAppearance.role(item.status), clip: row)
                }
            }
            if columns.showsFragility {
                let fragility = item.fragility.map { Format.fixed($0, digits: 2) } ?? " – "
                let fragile = (item.fragility ?? 0) >= columns.fragileAbove
                x = grid.put((fragile ? "⚠" : " ") + Format.leftPadded(fragility, 4) + " ", at: Point(x: x, y: row.y),
                             style: selected ? .selection : fragile ? .warning : .accent, clip: row)
            }
            grid.putTruncated(item.summary, at: Point(x: x, y: row.y), style: base, clip: row)
        case .live(let item):
            x = grid.put(String(repeating: " ", count: max(0, idWidth - 3)) + "new ", at: Point(x: x, y: row.y),
                         style: selected ? .selection : .muted, clip: row)
            x = grid.put("◌ ", at: Point(x: x, y: row.y), style: .streaming, clip: row)
            if showsLabels {
                x = grid.put(StatusAppearance.paddedLabel(.streaming), at: Point(x: x, y: row.y),
                             style: selected ? .selection : .streaming, clip: row)
            }
            grid.putTruncated(item.summary, at: Point(x: x, y: row.y), style: base, clip: row)
        }
    }

    private static func renderEmpty(_ state: WorkbenchState, into grid: inout CellGrid, in inner: Rect) {
        let lines: [StyledText]
        if state.queue.isLoading {
            lines = [StyledText("Loading…", .muted)]
        } else if !state.queue.query.search.isEmpty {
            lines = [StyledText("No item matches \"\(state.queue.query.search)\".", .text),
                     StyledText("Esc clears the search.", .muted)]
        } else if state.queue.query.filter == .awaitingReview, state.status.team != nil {
            lines = [StyledText("Nothing is yours to review now.", .text),
                     StyledText("The others hold the rest, or it has its reviews; new items are claimed for you as they come.", .muted)]
        } else if state.queue.query.filter == .awaitingReview {
            lines = [StyledText("Nothing awaits review.", .text),
                     StyledText("f shows other statuses; quorum import or quorum generate add items.", .muted)]
        } else {
            lines = [StyledText("No \(state.queue.query.filter.label) items.", .text),
                     StyledText("f shows other statuses.", .muted)]
        }
        var y = inner.y
        for line in lines {
            let wrapped = TextWrap.lines(line.text, width: inner.width - 1, maxLines: inner.maxY - y).lines
            for piece in wrapped {
                grid.put(piece, at: Point(x: inner.x + 1, y: y), style: line.style, clip: inner)
                y += 1
            }
            guard y < inner.maxY else { return }
        }
    }
}
