/// Model text (instructions, inputs, outputs) as the workbench holds it: `original` is kept
/// exactly, for export and for the store; painting always goes through `VisibleText`, which
/// shows control characters and escape sequences instead of sending them to the terminal.
public struct SafeText: Sendable, Equatable, Hashable {
    public let original: String

    public init(_ original: String) {
        self.original = original
    }

    /// The text as painted, escapes made visible (`\e[31m` reads `␛[31m`).
    public var visible: String {
        VisibleText.escaped(original)
    }

    /// Whether painting changes anything: the text holds characters that must be escaped.
    public var hasEscapes: Bool {
        var found = false
        VisibleText.forEachGlyph(in: original) { glyph in
            found = glyph.kind == .escape
            return !found
        }
        return found
    }

    public var isBlank: Bool {
        original.allSatisfy(\.isWhitespace)
    }

    /// The first line with leading blanks removed, for one-line summaries.
    public var firstLine: Substring {
        let trimmed = original.drop { $0.isWhitespace }
        return trimmed.prefix { $0 != "\n" && $0 != "\r\n" }
    }
}
