/// The screen as a value: width × height cells that panes paint into and that the terminal
/// copies out. Everything written goes through `VisibleText`, so no control character or
/// escape sequence can reach a cell, and wide characters always occupy two cells.
public struct CellGrid: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Columns between tab stops when text is put (wrapped text expands tabs itself).
    public static let tabWidth = 4

    public init(size: Size, style: StyleRole = .text) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank(style), count: self.size.width * self.size.height)
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    public mutating func fill(_ rect: Rect, style: StyleRole, attributes: TextAttributes = []) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            clearWideNeighbours(y: y, from: area.x, to: area.maxX)
            let row = y * width
            for x in area.x..<area.maxX {
                cells[row + x] = Cell(Glyph.space, style: style, attributes: attributes)
            }
        }
    }

    /// Paints `text` on one line from `point`, clipped to `clip` (the whole grid by default);
    /// line breaks are shown as `↵`. Returns the column after the last cell painted.
    @discardableResult
    public mutating func put<S: StringProtocol>(
        _ text: S, at point: Point, style: StyleRole, attributes: TextAttributes = [], clip: Rect? = nil
    ) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard point.y >= area.y && point.y < area.maxY && point.x < area.maxX else { return point.x }
        var x = point.x
        VisibleText.forEachGlyph(in: text) { glyph in
            switch glyph.kind {
            case .text:
                x = putGlyph(glyph.glyph, width: glyph.width, x: x, y: point.y, style, attributes, area)
            case .escape:
                x = putGlyph(glyph.glyph, width: 1, x: x, y: point.y, .escaped, attributes, area)
            case .newline:
                x = putGlyph(Glyph.newlineMark, width: 1, x: x, y: point.y, .escaped, attributes, area)
            case .tab:
                let stop = (x - point.x) / Self.tabWidth * Self.tabWidth + Self.tabWidth + point.x
                while x < stop && x < area.maxX {
                    x = putGlyph(Glyph.space, width: 1, x: x, y: point.y, style, attributes, area)
                }
            }
            return x < area.maxX
        }
        return x
    }

    /// Paints one glyph of `width` columns at (x, y) and returns the next column. A wide glyph
    /// that would straddle the clip's right edge is replaced by a space.
    @discardableResult
    public mutating func putGlyph(
        _ glyph: Glyph, width glyphWidth: Int, x: Int, y: Int, _ style: StyleRole,
        _ attributes: TextAttributes = [], _ clip: Rect
    ) -> Int {
        guard y >= clip.y && y < clip.maxY && x < clip.maxX else { return x + glyphWidth }
        guard x >= clip.x else { return x + glyphWidth }
        if glyphWidth == 2 && x + 1 >= clip.maxX {
            setCell(Cell(Glyph.space, style: style, attributes: attributes), x: x, y: y)
            return x + 2
        }
        setCell(Cell(glyph, style: style, attributes: attributes, width: UInt8(glyphWidth)), x: x, y: y)
        if glyphWidth == 2 {
            setCell(.continuation(style, attributes), x: x + 1, y: y)
        }
        return x + glyphWidth
    }

    /// Changes the style of cells already painted (for highlights over a run of text).
    public mutating func restyle(_ rect: Rect, style: StyleRole, attributes: TextAttributes = []) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                cells[y * width + x].style = style
                cells[y * width + x].attributes = attributes
            }
        }
    }

    /// The text of each row, continuation cells left out: what snapshot tests compare.
    public func textDump() -> String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for y in 0..<height {
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation {
                line.append(self[x, y].grapheme)
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// One character per cell naming its role (`legend`, `.` for unlisted roles), for tests
    /// that check where highlights fall.
    public func styleDump(_ legend: [StyleRole: Character], rect: Rect? = nil) -> String {
        let area = (rect ?? bounds).intersection(bounds)
        var lines: [String] = []
        for y in area.y..<area.maxY {
            var line = ""
            for x in area.x..<area.maxX {
                line.append(legend[self[x, y].style] ?? ".")
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// Writes a cell, first blanking the other half of any wide glyph it overlaps.
    private mutating func setCell(_ cell: Cell, x: Int, y: Int) {
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, x > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        } else if old.width == 2, x + 1 < width {
            cells[index + 1] = .blank(old.style)
        }
        cells[index] = cell
    }

    private mutating func clearWideNeighbours(y: Int, from left: Int, to right: Int) {
        let row = y * width
        if left > 0, left < width, cells[row + left].isContinuation {
            cells[row + left - 1] = .blank(cells[row + left - 1].style)
        }
        if right < width, right > 0, cells[row + right].isContinuation {
            cells[row + right] = .blank(cells[row + right].style)
        }
    }
}
