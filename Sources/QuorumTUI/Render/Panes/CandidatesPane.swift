// QuorumTUI/Render/Panes: The panes: queue, item, candidates, matrix, status bar and the overlays.

import QuorumCore

/// The candidates: each member's output under a header with its index (the digit that
/// takes it), member and score; the consensus choice starred, the curator's pick ticked,
/// and the words each candidate shares with the choice highlighted.
enum CandidatesPane {
    /// Lines wrapped per candidate at most; longer texts say how much is left.
    static let maxLinesPerCandidate = 400
    /// Texts start under the member's name, right of the marker and the index.
    static let textIndent = 5

    struct Block {
        var header: [StyledText]
        var lines: [WrappedLine]
        var truncated: Bool
        var textStyle: StyleRole
        var highlight: [Range<Int>]
        var highlightStyle: StyleRole = .shared
        var isStreaming: Bool
    }

    /// Which set of how many is shown, whether it is the current one, and a rerun streaming.
    static func placeTitle(_ place: SetPlace) -> [StyledText] {
        var parts = [StyledText(" · set \(place.number)" + (place.count.map { " of \($0)" } ?? ""), place.isCurrent ? .muted : .warning)]
        if !place.isCurrent { parts.append(StyledText(", not the current one", .warning)) }
        if let streaming = place.streaming {
            parts.append(StyledText(" · rerun streaming \(streaming.finished)/\(streaming.started) in (] shows it)", .streaming))
        }
        return parts
    }

    /// `scroll`, when the pane has the focus (Tab), is its first row: every candidate is then
    /// shown whole, one under the other, instead of each given a share of the rows.
    static func render(
        _ selection: Selection, expanded: Int?, settings: WorkbenchSettings, summary: Bool,
        scroll: Int? = nil, into grid: inout CellGrid, in rect: Rect
    ) {
        var title = [StyledText("Candidates", .title, .bold)]
        let (blocks, firstCandidate) = Self.blocks(selection, width: textWidth(rect), shared: settings.highlightsShared)
        switch selection {
        case .stored(let item):
            title.append(StyledText(" · \(item.candidates.count)", .muted))
            if let place = item.setPlace { title += placeTitle(place) }
            if summary {
                title += [StyledText(" · ", .muted)]
                    + MatrixPane.verdict(item.consensus, candidates: item.candidates.count, settings: settings)
            }
        case .live(let item):
            title.append(StyledText(item.rerunOf == nil ? " · streaming" : " · rerun streaming", .streaming))
            if item.rerunOf != nil { title.append(StyledText(" · [ the set before", .muted)) }
        case .none, .loading:
            break
        }
        let inner = rect.inset(by: 1)
        if let scroll {
            renderScrolled(blocks, from: scroll, title: title, into: &grid, in: rect)
            return
        }
        grid.drawBox(rect, title: title)
        guard !inner.isEmpty, !blocks.isEmpty else { return }
        let budget = inner.height - min(blocks.count, inner.height)
        let focus = expanded.map { $0 + firstCandidate }
        let rows = LineAllocation.allocate(blocks.map(\.lines.count), budget: budget, focus: focus)
        var y = inner.y
        for (index, block) in blocks.enumerated() where y < inner.maxY {
            var header = block.header
            let hidden = block.lines.count - rows[index]
            if hidden > 0 || block.truncated {
                let more = "\(hidden)\(block.truncated ? "+" : "")"
                header.append(StyledText("  +\(more) \(hidden == 1 && !block.truncated ? "line" : "lines") (J/K)", .muted))
            }
            grid.put(header, at: Point(x: inner.x + 1, y: y), clip: inner)
            y += 1
            let textRect = Rect(x: inner.x + textIndent, y: inner.y, width: inner.width - textIndent - 1, height: inner.height)
            for line in block.lines.prefix(rows[index]) where y < inner.maxY {
                grid.put(line, at: Point(x: textRect.x, y: y), style: block.textStyle, clip: textRect,
                         highlight: block.highlight, highlightStyle: block.highlightStyle)
                y += 1
            }
            if block.isStreaming, rows[index] == block.lines.count, let last = block.lines.last, y > inner.y {
                grid.put("▍", at: Point(x: textRect.x + last.width, y: y - 1), style: .streaming, clip: textRect)
            }
        }
    }

    static func textWidth(_ rect: Rect) -> Int { max(1, rect.width - 2 - textIndent - 1) }

    /// The blocks the pane shows, and the index of the first candidate's (after an edited output).
    static func blocks(_ selection: Selection, width: Int, shared: Bool = false) -> (blocks: [Block], firstCandidate: Int) {
        switch selection {
        case .stored(let item):
            let edited = item.editedOutput.map { [editedBlock($0, width: width)] } ?? []
            return (edited + storedBlocks(item, width: width, shared: shared), edited.count)
        case .live(let item):
            return (liveBlocks(item, width: width), 0)
        case .none, .loading:
            return ([], 0)
        }
    }

    private static func editedBlock(_ edited: SafeText, width: Int) -> Block {
        let wrapped = TextWrap.lines(edited.original, width: width, maxLines: maxLinesPerCandidate)
        return Block(header: [StyledText("✎ edited output", .edited, .bold)], lines: wrapped.lines,
                     truncated: wrapped.truncated, textStyle: .text, highlight: [], isStreaming: false)
    }

    private static func storedBlocks(_ item: ItemPresentation, width: Int, shared: Bool) -> [Block] {
        var blocks: [Block] = []
        let scores = item.consensus?.scores ?? []
        for candidate in item.candidates {
            let position = candidate.position
            let isChoice = position == item.choice
            var header = [StyledText(isChoice ? "★ " : "  ", .choice, .bold),
                          StyledText(String(position), .accent, .bold),
                          StyledText(" " + candidate.member, isChoice ? .choice : .text, isChoice ? .bold : [])]
            if scores.indices.contains(position) {
                header.append(StyledText(" · score " + Format.fixed(scores[position], digits: 3), .muted))
            }
            if item.chosen == position && (item.status == .accepted || item.status == .overridden) {
                header.append(StyledText("  ✓ " + (item.status == .accepted ? "accepted" : "taken by the curator"),
                                         StatusAppearance.role(item.status)))
            }
            if let error = candidate.error {
                header.append(StyledText("  ✗ " + error, .danger))
            }
            if item.sharedTokensPending.contains(position) {
                header.append(StyledText("  · aligning shared words…", .muted))
            } else if item.sharedTokensTooLong.contains(position) {
                header.append(StyledText("  · shared words not highlighted: too long to align", .muted))
            }
            let text = candidate.text.isBlank ? "(empty)" : candidate.text.original
            let wrapped = TextWrap.lines(text, width: width, maxLines: maxLinesPerCandidate)
            let sharedRanges = candidate.text.isBlank ? nil : item.sharedTokens?[safe: position]
            let highlight: [Range<Int>]
            if shared {
                highlight = sharedRanges ?? []
            } else {
                highlight = isChoice ? [] : sharedRanges.map { DifferingWords.ranges(in: candidate.text.original, outside: $0) } ?? []
            }
            blocks.append(Block(header: header, lines: wrapped.lines, truncated: wrapped.truncated,
                                textStyle: candidate.error != nil || candidate.text.isBlank ? .muted : .text,
                                highlight: highlight, highlightStyle: shared ? .shared : .differs, isStreaming: false))
        }
        return blocks
    }

    private static func liveBlocks(_ item: LiveItem, width: Int) -> [Block] {
        item.candidates.enumerated().map { position, candidate in
            var header = [StyledText("  ", .text), StyledText(String(position), .accent, .bold),
                          StyledText(" " + candidate.member, .text)]
            if let error = candidate.error {
                header.append(StyledText("  ✗ " + error, .danger))
            } else if let reason = candidate.retryReason, candidate.text.isEmpty {
                header.append(StyledText("  retrying: " + reason, .warning))
            } else if !candidate.isFinished {
                header.append(StyledText("  streaming…", .streaming))
            }
            let wrapped = TextWrap.lines(candidate.text, width: width, maxLines: maxLinesPerCandidate)
            return Block(header: header, lines: wrapped.lines, truncated: wrapped.truncated, textStyle: .text,
                         highlight: [], isStreaming: !candidate.isFinished)
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
