/// A token id with the bytes of the original UTF-8 text it was read from.
public struct LocatedToken: Sendable, Equatable {
    public var id: UInt32
    /// Byte offsets into the text's UTF-8, end exclusive.
    public var bytes: Range<Int>

    public init(id: UInt32, bytes: Range<Int>) {
        self.id = id
        self.bytes = bytes
    }
}

extension RougeTokenizer {
    /// The same ids as `tokenIDs(_:stem:)`, each with where it was found, so that a caller can
    /// point at the words of the original text (the workbench highlights shared tokens).
    /// A second pass finds the boundaries with the tokenizer's own byte rules; the fast path
    /// is untouched.
    public mutating func locatedTokens(_ text: String, stem: Bool) -> [LocatedToken] {
        let ids = tokenIDs(text, stem: stem)
        let ranges = Self.tokenByteRanges(Array(text.utf8))
        precondition(ids.count == ranges.count, "token boundaries disagree with the tokenizer")
        return zip(ids, ranges).map { LocatedToken(id: $0, bytes: $1) }
    }

    /// Token boundaries in UTF-8 bytes: runs of ASCII letters and digits; U+0130 ends the token
    /// it lowercases into ("i"), U+212A continues it ("k"), anything else separates.
    static func tokenByteRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int?
        var index = 0
        func close(at end: Int) {
            if let open = start { ranges.append(open..<end) }
            start = nil
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                if start == nil { start = index }
                index += 1
            case 0xC4 where index + 1 < bytes.count && bytes[index + 1] == 0xB0:
                if start == nil { start = index }
                index += 2
                close(at: index)
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x84 && bytes[index + 2] == 0xAA:
                if start == nil { start = index }
                index += 3
            default:
                close(at: index)
                index += 1
            }
        }
        close(at: bytes.count)
        return ranges
    }
}
