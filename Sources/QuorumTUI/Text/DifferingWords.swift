// QuorumTUI/Text: Text as the terminal shows it: control characters made visible, display widths, wrapping,
// shared-token highlights.

/// The words of a candidate outside its shared tokens: what it does not share with the
/// choice. Runs of text between the shared ranges, split at white space, in one pass; a run
/// of punctuation alone (the comma between two shared words) is not a word.
enum DifferingWords {
    /// UTF-8 byte ranges of `text`'s words not covered by `shared` (sorted, disjoint).
    static func ranges(in text: String, outside shared: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var sharedIndex = 0
        var start: Int?
        var hasWordByte = false
        var offset = 0
        for byte in text.utf8 {
            while sharedIndex < shared.count && shared[sharedIndex].upperBound <= offset { sharedIndex += 1 }
            let isShared = sharedIndex < shared.count && shared[sharedIndex].contains(offset)
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if isShared || isSpace {
                if let begun = start, hasWordByte { result.append(begun..<offset) }
                start = nil
                hasWordByte = false
            } else {
                if start == nil { start = offset }
                hasWordByte = hasWordByte || Self.isWordByte(byte)
            }
            offset += 1
        }
        if let begun = start, hasWordByte { result.append(begun..<offset) }
        return result
    }

    /// A letter or digit, or any byte of a non-ASCII character.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
}
