import QuorumCore

/// The N×N Rouge-L matrix as a heatmap with its values, each row's score, the consensus row
/// marked, and a verdict line: the rule and margin, a fragile warning or a discard banner.
enum MatrixPane {
    static let cellWidth = 6
    static let scoreWidth = 8

    static func render(_ selection: Selection, settings: WorkbenchSettings, into grid: inout CellGrid, in rect: Rect) {
        guard case .stored(let item) = selection, let consensus = item.consensus else {
            grid.drawBox(rect, title: [StyledText("Matrix", .title, .bold)])
            let message = if case .none = selection { "" } else { "waiting for every candidate…" }
            grid.put(message, at: Point(x: rect.x + 2, y: rect.y + 1), style: .muted, clip: rect.inset(by: 1))
            return
        }
        var title = [StyledText("Matrix", .title, .bold), StyledText(" · " + consensus.rule.rawValue, .muted)]
        if consensus.choice != nil {
            title.append(StyledText(" · margin " + Format.fixed(consensus.margin, digits: 3), .muted))
        }
        grid.drawBox(rect, title: title)
        let inner = rect.inset(by: 1)
        guard inner.height >= 1 else { return }
        let verdictRow = inner.row(inner.height - 1)
        grid.put([StyledText(" ")] + verdict(consensus, candidates: item.candidates.count, settings: settings),
                 at: Point(x: verdictRow.x, y: verdictRow.y), clip: verdictRow)
        let table = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: inner.height - 1)
        guard !consensus.matrix.isEmpty else {
            grid.put("no pairwise scores (decided by exact match)", at: Point(x: table.x, y: table.y), style: .muted, clip: table)
            return
        }
        renderTable(consensus, members: item.candidates.map(\.member), into: &grid, in: table)
    }

    private static func renderTable(_ consensus: ConsensusResult, members: [String], into grid: inout CellGrid, in table: Rect) {
        let count = consensus.matrix.count
        let fitting = max(1, (table.width - 4 - scoreWidth) / cellWidth)
        let columns = min(count, fitting)
        let labelWidth = max(4, min(18, table.width - columns * cellWidth - scoreWidth - (columns < count ? 2 : 0)))
        var x = table.x + labelWidth
        for column in 0..<columns {
            let role: StyleRole = column == consensus.choice ? .choice : .muted
            x = grid.put(Format.leftPadded(String(column), cellWidth), at: Point(x: x, y: table.y), style: role, clip: table)
        }
        if columns < count { x = grid.put(" …", at: Point(x: x, y: table.y), style: .muted, clip: table) }
        grid.put(Format.leftPadded("score", scoreWidth), at: Point(x: x, y: table.y), style: .muted, clip: table)
        for row in 0..<count where table.y + 1 + row < table.maxY {
            let y = table.y + 1 + row
            let isChoice = row == consensus.choice
            let member = row < members.count && labelWidth >= 8 ? " " + members[row] : ""
            grid.putTruncated((isChoice ? "▶" : " ") + String(row) + member, at: Point(x: table.x, y: y),
                              style: isChoice ? .choice : .text, attributes: isChoice ? .bold : [],
                              clip: Rect(x: table.x, y: y, width: labelWidth - 1, height: 1))
            x = table.x + labelWidth
            for column in 0..<columns {
                let value = consensus.matrix[row][safe: column] ?? 0
                let cell = Rect(x: x, y: y, width: cellWidth, height: 1).intersection(table)
                if row == column {
                    grid.fill(cell, style: .diagonal)
                    grid.put(Format.leftPadded("—", cellWidth - 1), at: Point(x: x, y: y), style: .diagonal, clip: cell)
                } else {
                    grid.fill(Rect(x: x + 1, y: y, width: cellWidth - 1, height: 1).intersection(table), style: StyleRole.heat(value))
                    grid.put(Format.leftPadded(Format.fixed(value, digits: 2), cellWidth - 1), at: Point(x: x + 1, y: y),
                             style: StyleRole.heat(value), attributes: isChoice ? .bold : [], clip: cell)
                }
                x += cellWidth
            }
            if columns < count { x = grid.put("  ", at: Point(x: x, y: y), style: .text, clip: table) }
            let score = consensus.scores[safe: row].map { Format.fixed($0, digits: 3) } ?? "–"
            grid.put(Format.leftPadded(score, scoreWidth), at: Point(x: x, y: y), style: isChoice ? .choice : .text,
                     attributes: isChoice ? .bold : [], clip: table)
        }
    }

    /// What to make of the consensus: discarded, fragile, or decided (by which rule).
    static func verdict(_ consensus: ConsensusResult?, candidates: Int, settings: WorkbenchSettings) -> [StyledText] {
        guard let consensus else { return [StyledText("waiting for every candidate", .muted)] }
        switch consensus.discard {
        case .noAgreement?:
            return [StyledText("⊘ discarded: no agreement", .danger, .bold)]
        case .emptyChoice?:
            return [StyledText("⊘ discarded: the choice is empty", .danger, .bold)]
        case nil:
            break
        }
        let rule: String
        if consensus.rule == .exact, let agreeing = consensus.agreeing {
            rule = "exact, \(agreeing) of \(max(candidates, agreeing)) agree"
        } else {
            rule = "rouge, margin " + Format.fixed(consensus.margin, digits: 3)
        }
        let fragility = consensus.fragility ?? 1
        let figure = " · fragility " + Format.fixed(fragility, digits: 2)
        if candidates >= 2 && fragility >= settings.fragileAbove {
            return [StyledText("⚠ fragile: " + rule + figure, .warning, .bold)]
        }
        return [StyledText(rule, consensus.rule == .exact ? .success : .muted), StyledText(figure, .muted)]
    }
}
