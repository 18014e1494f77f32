/// One terminal cell: a grapheme cluster one or two columns wide, or the right half of a
/// wide one (a continuation, which the terminal fills from its left neighbour).
public struct Cell: Sendable, Equatable {
    /// Always printable: `CellGrid` escapes control characters before they get here.
    public var grapheme: Character
    public var style: StyleRole
    public var attributes: TextAttributes
    /// Columns the grapheme takes: 1 or 2; 0 for a continuation.
    public var width: UInt8

    public init(_ grapheme: Character, style: StyleRole, attributes: TextAttributes = [], width: UInt8 = 1) {
        self.grapheme = grapheme
        self.style = style
        self.attributes = attributes
        self.width = width
    }

    public static func blank(_ style: StyleRole) -> Cell {
        Cell(" ", style: style)
    }

    public var isContinuation: Bool { width == 0 }

    static func continuation(_ style: StyleRole, _ attributes: TextAttributes) -> Cell {
        Cell(" ", style: style, attributes: attributes, width: 0)
    }
}
