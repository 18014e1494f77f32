/// A piece of text in one style, for titles and lines made of several parts.
public struct StyledText: Sendable, Equatable {
    public var text: String
    public var style: StyleRole
    public var attributes: TextAttributes

    public init(_ text: String, _ style: StyleRole = .text, _ attributes: TextAttributes = []) {
        self.text = text
        self.style = style
        self.attributes = attributes
    }
}

extension CellGrid {
    /// A single-line box around `rect`, its inside cleared, `title` set into the top edge and
    /// `footer` into the bottom edge's right end.
    public mutating func drawBox(_ rect: Rect, title: [StyledText] = [], footer: [StyledText] = []) {
        guard rect.width >= 2 && rect.height >= 2 else { return }
        fill(rect, style: .text)
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        for x in (rect.x + 1)..<right {
            putGlyph("─", width: 1, x: x, y: rect.y, .border, [], bounds)
            putGlyph("─", width: 1, x: x, y: bottom, .border, [], bounds)
        }
        for y in (rect.y + 1)..<bottom {
            putGlyph("│", width: 1, x: rect.x, y: y, .border, [], bounds)
            putGlyph("│", width: 1, x: right, y: y, .border, [], bounds)
        }
        putGlyph("┌", width: 1, x: rect.x, y: rect.y, .border, [], bounds)
        putGlyph("┐", width: 1, x: right, y: rect.y, .border, [], bounds)
        putGlyph("└", width: 1, x: rect.x, y: bottom, .border, [], bounds)
        putGlyph("┘", width: 1, x: right, y: bottom, .border, [], bounds)
        let edge = Rect(x: rect.x + 2, y: rect.y, width: rect.width - 4, height: 1)
        if !title.isEmpty {
            put([StyledText(" ", .border)] + title + [StyledText(" ", .border)], at: Point(x: edge.x - 1, y: rect.y),
                clip: Rect(x: edge.x - 1, y: rect.y, width: edge.width + 2, height: 1))
        }
        if !footer.isEmpty {
            let parts = [StyledText(" ", .border)] + footer + [StyledText(" ", .border)]
            let width = parts.reduce(0) { $0 + DisplayWidth.of($1.text) }
            let start = max(edge.x, right - 1 - width)
            put(parts, at: Point(x: start, y: bottom), clip: Rect(x: edge.x, y: bottom, width: edge.width + 1, height: 1))
        }
    }

    /// Paints parts one after another; returns the column after the last.
    @discardableResult
    public mutating func put(_ parts: [StyledText], at point: Point, clip: Rect) -> Int {
        var x = point.x
        for part in parts {
            x = put(part.text, at: Point(x: x, y: point.y), style: part.style, attributes: part.attributes, clip: clip)
            if x >= clip.maxX { break }
        }
        return x
    }

    /// Paints `text` cut to `clip`'s width with `…` when it does not fit.
    @discardableResult
    public mutating func putTruncated(
        _ text: String, at point: Point, style: StyleRole, attributes: TextAttributes = [], clip: Rect
    ) -> Int {
        let room = clip.maxX - point.x
        guard room > 0 else { return point.x }
        if DisplayWidth.of(text) <= room {
            return put(text, at: point, style: style, attributes: attributes, clip: clip)
        }
        let shortened = Rect(x: clip.x, y: clip.y, width: clip.width - 1, height: clip.height)
        let end = put(text, at: point, style: style, attributes: attributes, clip: shortened)
        return put("…", at: Point(x: min(end, shortened.maxX), y: point.y), style: .muted, clip: clip)
    }
}
