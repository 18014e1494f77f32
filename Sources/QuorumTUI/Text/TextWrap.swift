/// A line of wrapped text: glyphs in order, tabs already expanded to spaces.
public struct WrappedLine: Sendable, Equatable {
    public var glyphs: [VisibleGlyph] = []
    public var width = 0
}

/// Word wrapping over `VisibleText` glyphs: lines break after a space when one is on the
/// line, otherwise at the width (CJK and long words); explicit line breaks are kept.
public enum TextWrap {
    public static let tabWidth = 4

    /// At most `maxLines` lines of `text` in `width` columns, and whether text was left over.
    public static func lines<S: StringProtocol>(
        _ text: S, width: Int, maxLines: Int = .max
    ) -> (lines: [WrappedLine], truncated: Bool) {
        guard width > 0, maxLines > 0 else { return ([], !text.isEmpty) }
        var lines: [WrappedLine] = []
        var current = WrappedLine()
        var softWrapped = false
        var truncated = false

        func finishLine(soft: Bool) -> Bool {
            if lines.count == maxLines {
                truncated = true
                return false
            }
            lines.append(current)
            current = WrappedLine()
            softWrapped = soft
            return true
        }

        func append(_ glyph: VisibleGlyph) -> Bool {
            if glyph.isSpace && current.glyphs.isEmpty && softWrapped { return true }
            if current.width + glyph.width > width {
                var carried: [VisibleGlyph] = []
                if let space = current.glyphs.lastIndex(where: \.isSpace),
                   space + 1 < current.glyphs.count
                {
                    carried = Array(current.glyphs[(space + 1)...])
                    current.glyphs.removeSubrange((space + 1)...)
                    current.width -= carried.reduce(0) { $0 + $1.width }
                }
                guard finishLine(soft: true) else { return false }
                for piece in carried {
                    current.glyphs.append(piece)
                    current.width += piece.width
                }
                if glyph.isSpace && current.glyphs.isEmpty { return true }
            }
            current.glyphs.append(glyph)
            current.width += glyph.width
            return true
        }

        VisibleText.forEachGlyph(in: text) { glyph in
            switch glyph.kind {
            case .text, .escape:
                return append(glyph)
            case .newline:
                return finishLine(soft: false)
            case .tab:
                let spaces = tabWidth - current.width % tabWidth
                var space = glyph
                space.kind = .text
                space.width = 1
                for _ in 0..<spaces where current.width < width {
                    guard append(space) else { return false }
                }
                return true
            }
        }
        if !truncated && (!current.glyphs.isEmpty || lines.isEmpty) {
            if lines.count == maxLines {
                truncated = !current.glyphs.isEmpty
            } else {
                lines.append(current)
            }
        }
        return (lines, truncated)
    }
}

extension CellGrid {
    /// Paints one wrapped line from `point`; glyphs whose text starts inside one of
    /// `highlight` (UTF-8 byte ranges of the original) take `highlightStyle`.
    public mutating func put(
        _ line: WrappedLine, at point: Point, style: StyleRole, clip: Rect,
        highlight: [Range<Int>] = [], highlightStyle: StyleRole = .shared
    ) {
        var x = point.x
        var rangeIndex = 0
        for glyph in line.glyphs {
            var role = glyph.kind == .escape ? StyleRole.escaped : style
            if !highlight.isEmpty && glyph.kind == .text {
                while rangeIndex < highlight.count && highlight[rangeIndex].upperBound <= glyph.utf8Offset {
                    rangeIndex += 1
                }
                if rangeIndex < highlight.count && highlight[rangeIndex].contains(glyph.utf8Offset) {
                    role = highlightStyle
                }
            }
            x = putGlyph(glyph.glyph, width: glyph.width, x: x, y: point.y, role, [], clip)
            if x >= clip.maxX { return }
        }
    }
}
