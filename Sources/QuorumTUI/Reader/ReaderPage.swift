/// What the reader shows at a terminal size, worked out once for the reducer (to clamp the
/// scroll) and the renderer (to paint it): where the box, the prompt and the body are, and
/// the body's columns wrapped.
struct ReaderPage {
    struct Column {
        var header: [StyledText]
        var document: ReaderDocument
        var lines: [WrappedLine]
    }

    /// The box; the row under it is the reader's key line or message.
    var box: Rect
    var promptLines: [(label: String, line: WrappedLine, style: StyleRole)] = []
    /// The instruction or input was cut to fit.
    var promptTruncated = false
    /// Rows of the body: the text, under the columns' headers when side by side.
    var body: Rect
    var columns: [Column] = []
    /// When side by side: the row the columns' headers take, above `body`.
    var columnHeaders: Rect?

    static let labelWidth = 7
    /// Side by side needs this many columns.
    static let sideBySideWidth = 120

    var lineCount: Int { columns.map(\.lines.count).max() ?? 0 }
    var maxScroll: Int { max(0, lineCount - body.height) }

    init(_ view: ReaderView, item: ItemPresentation, viewport: Size, markers: Bool) {
        let screen = Rect(x: 0, y: 0, width: viewport.width, height: viewport.height)
        box = screen.splitBottom(1).rest
        var inner = box.inset(by: 1)
        if !view.hidesPrompt {
            let textWidth = max(1, inner.width - Self.labelWidth - 1)
            let cap = max(1, inner.height / 6)
            let instruction = TextWrap.lines(item.instruction.original, width: textWidth, maxLines: cap)
            let input = item.input.isBlank
                ? TextWrap.lines(item.type == .b ? "(none: type B)" : "(empty)", width: textWidth)
                : TextWrap.lines(item.input.original, width: textWidth, maxLines: cap)
            promptTruncated = instruction.truncated || input.truncated
            for (index, line) in instruction.lines.enumerated() {
                promptLines.append((index == 0 ? "Task" : "", line, .text))
            }
            for (index, line) in input.lines.enumerated() {
                promptLines.append((index == 0 ? "Input" : "", line, item.input.isBlank ? .muted : .text))
            }
            // The prompt's lines and a rule under them.
            inner = inner.splitTop(promptLines.count + 1).rest
        }
        let split = view.sideBySide && viewport.width >= Self.sideBySideWidth
        if split {
            let headers = inner.splitTop(1)
            columnHeaders = headers.top
            body = headers.rest
            let width = max(1, (body.width - 3) / 2)
            columns = Self.sideBySide(view, item: item, width: width, markers: markers)
        } else {
            body = inner
            columns = [Self.single(view, item: item, width: max(1, body.width - 2), markers: markers)]
        }
    }

    private static func single(_ view: ReaderView, item: ItemPresentation, width: Int, markers: Bool) -> Column {
        let document: ReaderDocument
        if view.showsDiff, let diff = view.diff, let choice = item.choice {
            document = .unified(diff, candidate: originalText(view.shown, item), choice: originalText(choice, item),
                                markers: markers)
        } else {
            document = .plain(shownText(view.shown, item))
        }
        return Column(header: [], document: document, lines: ReaderWrapCache.lines(document.text, width: width))
    }

    private static func sideBySide(_ view: ReaderView, item: ItemPresentation, width: Int, markers: Bool) -> [Column] {
        let left = item.choice ?? view.shown
        var leftDocument = ReaderDocument.plain(shownText(left, item))
        var rightDocument = ReaderDocument.plain(shownText(view.shown, item))
        if view.showsDiff, let diff = view.diff {
            leftDocument = .side(diff, text: originalText(left, item), kind: .deleted, markers: markers)
            rightDocument = .side(diff, text: originalText(view.shown, item), kind: .inserted, markers: markers)
        }
        return [
            Column(header: header(left, item), document: leftDocument,
                   lines: ReaderWrapCache.lines(leftDocument.text, width: width)),
            Column(header: header(view.shown, item), document: rightDocument,
                   lines: ReaderWrapCache.lines(rightDocument.text, width: width)),
        ]
    }

    /// The candidate's text exactly, as the diff reads it.
    static func originalText(_ position: Int, _ item: ItemPresentation) -> String {
        item.candidates[safe: position]?.text.original ?? ""
    }

    /// The candidate's text as shown without a diff: `(empty)` when it has none.
    static func shownText(_ position: Int, _ item: ItemPresentation) -> String {
        guard item.candidates.indices.contains(position) else { return "" }
        let text = item.candidates[position].text
        return text.isBlank ? "(empty)" : text.original
    }

    /// `★ 0 falcon-40b · score 1.234`, as the candidates pane heads a candidate.
    static func header(_ position: Int, _ item: ItemPresentation) -> [StyledText] {
        let isChoice = position == item.choice
        var parts = [StyledText(isChoice ? "★ " : "", .choice, .bold), StyledText(String(position), .accent, .bold)]
        if item.candidates.indices.contains(position) {
            parts.append(StyledText(" " + item.candidates[position].member, isChoice ? .choice : .text, isChoice ? .bold : []))
        }
        if let scores = item.consensus?.scores, scores.indices.contains(position) {
            parts.append(StyledText(" · score " + Format.fixed(scores[position], digits: 3), .muted))
        }
        if let error = item.candidates[safe: position]?.error {
            parts.append(StyledText(" ✗ " + error, .danger))
        }
        return parts
    }
}
