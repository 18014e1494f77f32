// QuorumTUI/Grid: The cell grid the workbench is drawn into: cells, styles by role, geometry.

/// One terminal cell: a grapheme cluster one or two columns wide, or the right half of a
/// wide one (a continuation, which the terminal fills from its left neighbour).
public struct Cell: Sendable, Equatable {
    /// Always printable: `CellGrid` escapes control characters before they get here.
    public var glyph: Glyph
    public var style: StyleRole
    public var attributes: TextAttributes
    /// Columns the grapheme takes: 1 or 2; 0 for a continuation.
    public var width: UInt8

    public init(_ grapheme: Character, style: StyleRole, attributes: TextAttributes = [], width: UInt8 = 1) {
        self.init(Glyph(grapheme), style: style, attributes: attributes, width: width)
    }

    public init(_ glyph: Glyph, style: StyleRole, attributes: TextAttributes = [], width: UInt8 = 1) {
        self.glyph = glyph
        self.style = style
        self.attributes = attributes
        self.width = width
    }

    public static func blank(_ style: StyleRole) -> Cell {
        Cell(Glyph.space, style: style)
    }

    public var grapheme: Character { glyph.character }
    public var isContinuation: Bool { width == 0 }

    static func continuation(_ style: StyleRole, _ attributes: TextAttributes) -> Cell {
        Cell(Glyph.space, style: style, attributes: attributes, width: 0)
    }
}

/// A cell's text packed into integers: a base scalar and up to three combining marks, so
/// that comparing two frames cell by cell is integer work, with no strings to count.
public struct Glyph: Sendable, Hashable {
    public static let maximumMarks = 3
    public static let space = Glyph(base: 0x20)
    /// `↵`, how a line break shows on a single line.
    public static let newlineMark = Glyph(base: 0x21B5)

    public var base: UInt32
    /// Up to three 21-bit scalars, lowest first; zero where there is none.
    var marks: UInt64 = 0

    init(base: UInt32, marks: UInt64 = 0) {
        self.base = base
        self.marks = marks
    }

    /// The first scalar of `character` and as many of the following as fit.
    public init(_ character: Character) {
        if let ascii = character.asciiValue, character != "\r\n" {
            base = UInt32(ascii)
            return
        }
        var scalars = character.unicodeScalars.makeIterator()
        base = scalars.next()?.value ?? 0x20
        var shift: UInt64 = 0
        while shift < 63, let scalar = scalars.next() {
            marks |= UInt64(scalar.value) << shift
            shift += 21
        }
    }

    /// Adds a combining mark; false when three are there already (the rest are left out).
    mutating func appendMark(_ scalar: Unicode.Scalar) -> Bool {
        var shift: UInt64 = 0
        while shift < 63 && (marks >> shift) & 0x1F_FFFF != 0 { shift += 21 }
        guard shift < 63 else { return false }
        marks |= UInt64(scalar.value) << shift
        return true
    }

    /// The scalars after the base.
    public var markScalars: [UInt32] {
        var result: [UInt32] = []
        var rest = marks
        while rest != 0 {
            result.append(UInt32(rest & 0x1F_FFFF))
            rest >>= 21
        }
        return result
    }

    public var character: Character {
        var text = String(Unicode.Scalar(base).map(Character.init) ?? " ")
        for value in markScalars {
            if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
        }
        return text.count == 1 ? Character(text) : Character(text.unicodeScalars.first.map(String.init) ?? " ")
    }
}

extension Glyph: ExpressibleByUnicodeScalarLiteral {
    /// `"─"` where a glyph is expected: one scalar, no marks.
    public init(unicodeScalarLiteral scalar: Unicode.Scalar) {
        self.init(base: scalar.value)
    }
}
