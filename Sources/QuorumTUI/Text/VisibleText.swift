import QuorumCore

/// One thing to paint, read from text: a glyph (one cell or two), part of an escaped
/// control character, a line break or a tab.
public struct VisibleGlyph: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text
        /// A piece of the visible form of a control character or escape sequence.
        case escape
        case newline
        case tab
    }

    public var kind: Kind
    /// What the terminal is given: a base character and its non-spacing marks only.
    public var glyph: Glyph
    /// Columns: 1 or 2 for text and escapes, 0 for newlines and tabs (expanded by the caller).
    public var width: Int
    /// Where the glyph's text starts in the original UTF-8 (for highlighting by byte ranges).
    public var utf8Offset: Int

    public var grapheme: Character { glyph.character }
    var isSpace: Bool { kind == .text && glyph == .space }
}

/// Turns text into glyphs that are safe to paint and whose widths the terminal agrees with:
/// control characters (C0, DEL, C1), format characters (bidi overrides, zero-width spaces...)
/// and unassigned code points become visible escapes (`␛`, `<U+202E>`), never raw bytes; a
/// cluster is split where terminals would draw it as several cells (ZWJ sequences, spacing
/// marks), and variation selectors and emoji modifiers are dropped, so that the width this
/// reports is the width the terminal draws.
public enum VisibleText {
    /// Calls `body` with each glyph of `text` in order until it returns false.
    public static func forEachGlyph<S: StringProtocol>(in text: S, _ body: (VisibleGlyph) -> Bool) {
        var offset = 0
        for character in text {
            let length = character.utf8.count
            defer { offset += length }
            if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
                guard body(VisibleGlyph(kind: .text, glyph: Glyph(base: UInt32(ascii)), width: 1, utf8Offset: offset)) else {
                    return
                }
                continue
            }
            guard glyphs(of: character, at: offset, body) else { return }
        }
    }

    /// The visible form of `text` as one string, for places that show text without a grid.
    public static func escaped<S: StringProtocol>(_ text: S) -> String {
        var result = ""
        forEachGlyph(in: text) { glyph in
            switch glyph.kind {
            case .text, .escape: result.append(glyph.grapheme)
            case .newline: result.append("\n")
            case .tab: result.append("\t")
            }
            return true
        }
        return result
    }

    /// Total columns of `text` on one line (tabs count as one space, newlines as nothing).
    public static func width<S: StringProtocol>(of text: S) -> Int {
        var total = 0
        forEachGlyph(in: text) { glyph in
            total += glyph.kind == .tab ? 1 : glyph.width
            return true
        }
        return total
    }

    private static func glyphs(of character: Character, at offset: Int, _ body: (VisibleGlyph) -> Bool) -> Bool {
        let scalars = character.unicodeScalars
        let base = scalars.first!
        if character == "\n" || character == "\r\n" {
            return body(VisibleGlyph(kind: .newline, glyph: Glyph(base: 0x0A), width: 0, utf8Offset: offset))
        }
        if base == "\t" {
            return body(VisibleGlyph(kind: .tab, glyph: .space, width: 0, utf8Offset: offset))
        }
        if let picture = controlPicture(base) {
            return emitEscape(String(picture), at: offset, body)
                && remainingScalarsEscaped(scalars.dropFirst(), at: offset, body)
        }
        if needsEscape(base) {
            return emitEscape(codePointLabel(base), at: offset, body)
                && remainingScalarsEscaped(scalars.dropFirst(), at: offset, body)
        }
        var cluster: Glyph?
        var clusterWidth = 0
        func flush() -> Bool {
            defer { cluster = nil }
            guard let glyph = cluster else { return true }
            return body(VisibleGlyph(kind: .text, glyph: glyph, width: clusterWidth, utf8Offset: offset))
        }
        func start(_ scalar: Unicode.Scalar) -> Bool {
            guard flush() else { return false }
            if needsEscape(scalar) { return emitEscape(codePointLabel(scalar), at: offset, body) }
            cluster = Glyph(base: scalar.value)
            clusterWidth = DisplayWidth.ofBase(scalar)
            return true
        }
        var joinNext = false
        for scalar in scalars {
            let category = scalar.properties.generalCategory
            let isMark = category == .nonspacingMark || category == .enclosingMark
            if cluster == nil || joinNext {
                joinNext = false
                if isMark {
                    guard flush() else { return false }
                    cluster = Glyph(base: 0x25CC)
                    clusterWidth = 1
                    _ = cluster?.appendMark(scalar)
                } else {
                    guard start(scalar) else { return false }
                }
                continue
            }
            if scalar == "\u{200D}" {
                joinNext = true
            } else if isDropped(scalar) {
                continue
            } else if isMark {
                _ = cluster?.appendMark(scalar)
            } else {
                // A spacing mark, or a scalar that extends the cluster but that terminals
                // draw on its own: a cell of its own.
                guard start(scalar) else { return false }
                if category == .spacingMark { clusterWidth = 1 }
            }
        }
        return flush()
    }

    /// Variation selectors, emoji skin-tone modifiers and tag characters change how a
    /// terminal might draw the cluster, and with it the width; they are left out.
    private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: return true
        default: return false
        }
    }

    private static func remainingScalarsEscaped(
        _ scalars: some Sequence<Unicode.Scalar>, at offset: Int, _ body: (VisibleGlyph) -> Bool
    ) -> Bool {
        // Controls always end a cluster except CR LF, handled above; anything left is escaped too.
        for scalar in scalars {
            let label = controlPicture(scalar).map { String($0) } ?? codePointLabel(scalar)
            guard emitEscape(label, at: offset, body) else { return false }
        }
        return true
    }

    private static func emitEscape(_ text: String, at offset: Int, _ body: (VisibleGlyph) -> Bool) -> Bool {
        for character in text {
            guard body(VisibleGlyph(kind: .escape, glyph: Glyph(character), width: 1, utf8Offset: offset)) else { return false }
        }
        return true
    }

    /// C0 controls as their Control Pictures (`␛` for ESC, `␍` for CR), DEL as `␡`: the rule
    /// the command line shares (`TerminalSafeText`).
    static func controlPicture(_ scalar: Unicode.Scalar) -> Character? {
        TerminalSafeText.controlPicture(scalar)
    }

    static func codePointLabel(_ scalar: Unicode.Scalar) -> String {
        TerminalSafeText.codePointLabel(scalar)
    }

    /// C1 controls, format characters (bidi overrides, zero-width spaces, BOM), line and
    /// paragraph separators, surrogates and unassigned code points.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        TerminalSafeText.needsEscape(scalar)
    }
}
