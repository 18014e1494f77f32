import QuorumStore

/// The item: its instruction, its input and where it came from.
enum ItemPane {
    static let labelWidth = 14

    /// `history`, when the item's log is loaded and has entries, takes the pane's last rows.
    static func render(_ selection: Selection, history: ItemHistory? = nil, into grid: inout CellGrid, in rect: Rect) {
        switch selection {
        case .none:
            grid.drawBox(rect, title: [StyledText("Item", .title, .bold)])
            grid.put("No item selected.", at: Point(x: rect.x + 2, y: rect.y + 1), style: .muted, clip: rect.inset(by: 1))
        case .loading(let id):
            grid.drawBox(rect, title: [StyledText("Item #\(id)", .title, .bold)])
            grid.put("Loading…", at: Point(x: rect.x + 2, y: rect.y + 1), style: .muted, clip: rect.inset(by: 1))
        case .stored(let item):
            var title = [StyledText("Item #\(item.id)", .title, .bold), StyledText(" · type \(item.type.rawValue) · ", .muted),
                         StyledText(item.status.rawValue, StatusAppearance.role(item.status))]
            if item.setOrdinal > 0 { title.append(StyledText(" · rerun \(item.setOrdinal)", .muted)) }
            grid.drawBox(rect, title: title)
            var provenance = ["run \(item.runID)"]
            if let generator = item.generator { provenance.append("instance by " + generator) }
            if !item.seedIDs.isEmpty { provenance.append("seeds " + item.seedIDs.joined(separator: ", ")) }
            let split = ItemHistoryRows.split(rect.inset(by: 1), history: history)
            renderBody(instruction: item.instruction, input: item.input, type: item.type,
                       provenance: provenance.joined(separator: " · "), into: &grid, in: split.body)
            if let history, let rows = split.history {
                ItemHistoryRows.render(history, into: &grid, in: rows, labelWidth: labelWidth)
            }
        case .live(let item):
            grid.drawBox(rect, title: [StyledText("New item", .title, .bold),
                                       StyledText(" · type \(item.type.rawValue) · ", .muted),
                                       StyledText("streaming", .streaming)])
            renderBody(instruction: item.instruction, input: item.input, type: item.type,
                       provenance: "being generated (ticket \(item.ticket))", into: &grid, in: rect.inset(by: 1))
        }
    }

    /// Rows the pane's inside needs at `width` to show the whole instruction, input and
    /// provenance (and a share of the log): what a layout fitted to the item gives it.
    static func wantedRows(_ selection: Selection, history: ItemHistory?, width: Int) -> Int {
        let textWidth = width - labelWidth - 1
        guard textWidth > 0 else { return 0 }
        let instruction: SafeText
        let input: SafeText?
        let type: ItemType
        switch selection {
        case .none, .loading: return 1
        case .stored(let item): (instruction, input, type) = (item.instruction, item.input, item.type)
        case .live(let item): (instruction, input, type) = (item.instruction, item.input, item.type)
        }
        let body = TextWrap.lines(instruction.original, width: textWidth, maxLines: 200).lines.count
            + wrappedInput(input, type: type, width: textWidth).count + 1
        let logRows = selection.itemID == nil ? 0 : min(history?.lines.count ?? 0, max(3, body / 2))
        return body + logRows
    }

    private static func renderBody(
        instruction: SafeText, input: SafeText?, type: ItemType, provenance: String,
        into grid: inout CellGrid, in inner: Rect
    ) {
        guard !inner.isEmpty else { return }
        let textRect = Rect(x: inner.x + labelWidth, y: inner.y, width: inner.width - labelWidth - 1, height: inner.height)
        let budget = max(1, inner.height - 1)
        let inputLines = wrappedInput(input, type: type, width: textRect.width)
        let instructionLines = TextWrap.lines(instruction.original, width: textRect.width,
                                              maxLines: max(1, budget - min(inputLines.count, budget / 2)))
        var y = inner.y
        y = paragraph("Instruction", instructionLines.lines, truncated: instructionLines.truncated, style: .text,
                      at: y, grid: &grid, inner: inner, textRect: textRect)
        let inputRoom = max(1, inner.maxY - 1 - y)
        let shown = Array(inputLines.prefix(inputRoom))
        y = paragraph("Input", shown, truncated: inputLines.count > inputRoom,
                      style: input?.isBlank ?? true ? .muted : .text, at: y, grid: &grid, inner: inner, textRect: textRect)
        if y < inner.maxY {
            grid.put("From", at: Point(x: inner.x + 1, y: inner.maxY - 1), style: .muted, clip: inner)
            grid.putTruncated(provenance, at: Point(x: textRect.x, y: inner.maxY - 1), style: .muted, clip: textRect)
        }
    }

    private static func wrappedInput(_ input: SafeText?, type: ItemType, width: Int) -> [WrappedLine] {
        guard let input else { return TextWrap.lines("(being generated…)", width: width).lines }
        if input.isBlank {
            return TextWrap.lines(type == .b ? "(none: type B)" : "(empty)", width: width).lines
        }
        return TextWrap.lines(input.original, width: width, maxLines: 200).lines
    }

    private static func paragraph(
        _ label: String, _ lines: [WrappedLine], truncated: Bool, style: StyleRole, at top: Int,
        grid: inout CellGrid, inner: Rect, textRect: Rect
    ) -> Int {
        guard top < inner.maxY else { return top }
        grid.put(label, at: Point(x: inner.x + 1, y: top), style: .muted, clip: inner)
        var y = top
        for (index, line) in lines.enumerated() where y < inner.maxY {
            grid.put(line, at: Point(x: textRect.x, y: y), style: style, clip: textRect)
            if truncated && index == lines.count - 1 {
                grid.put("…", at: Point(x: min(textRect.x + line.width, textRect.maxX - 1), y: y), style: .muted, clip: textRect)
            }
            y += 1
        }
        return max(y, top + 1)
    }
}
