/// Columns a character takes in a terminal.
public enum DisplayWidth {
    /// 2 for East Asian Wide and Fullwidth characters and emoji drawn as emoji by default,
    /// 1 otherwise. Only for scalars `VisibleText` paints as the base of a cell.
    public static func ofBase(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x1100 { return 1 }
        if EastAsianWidth.isWide(value) { return 2 }
        if value >= 0x231A && scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Columns of a whole text drawn on one line; see `VisibleText`.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        VisibleText.width(of: text)
    }
}
