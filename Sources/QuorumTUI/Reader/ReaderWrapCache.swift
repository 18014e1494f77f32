import Synchronization

/// The reader's last few wraps, by text and width: a key that only scrolls (`G`, PgDn) or a
/// frame drawn right after the reducer measured the same text reuses the lines instead of
/// wrapping a long candidate again (2–4 ms each for 2,000 words).
enum ReaderWrapCache {
    private struct Entry {
        var text: String
        var width: Int
        var lines: [WrappedLine]
    }

    /// Enough for side by side (two texts) and the text with and without its diff.
    private static let capacity = 4
    /// Longer texts are wrapped afresh each time: their lines (tens of bytes a glyph) would
    /// hold megabytes for as long as they stay cached.
    static let largestCachedText = 64 * 1024
    private static let entries = Mutex<[Entry]>([])

    static func lines(_ text: String, width: Int) -> [WrappedLine] {
        guard text.utf8.count <= largestCachedText else { return TextWrap.lines(text, width: width).lines }
        if let hit = entries.withLock({ entries in entries.first { $0.width == width && $0.text == text }?.lines }) {
            return hit
        }
        let lines = TextWrap.lines(text, width: width).lines
        entries.withLock { entries in
            entries.insert(Entry(text: text, width: width, lines: lines), at: 0)
            if entries.count > capacity { entries.removeLast(entries.count - capacity) }
        }
        return lines
    }
}
