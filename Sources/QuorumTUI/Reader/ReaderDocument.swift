// QuorumTUI/Reader: The reader (`v`): one candidate full screen, scrolled, diffed against the choice or set beside it.

/// A text as the reader paints it: one string and the styled UTF-8 ranges in it (the diff's
/// insertions and deletions), with `[-…-]` and `{+…+}` written around them when colour is off.
struct ReaderDocument: Equatable {
    struct Span: Equatable {
        var bytes: Range<Int>
        var style: StyleRole
    }

    var text = ""
    /// Ascending and apart.
    var spans: [Span] = []

    static let deletedStyle = StyleRole.danger
    static let insertedStyle = StyleRole.success

    static func plain(_ text: String) -> ReaderDocument {
        ReaderDocument(text: text)
    }

    /// The candidate's text with the choice's deleted words put back where they were.
    static func unified(_ diff: WordDiff, candidate: String, choice: String, markers: Bool) -> ReaderDocument {
        var builder = Builder(markers: markers)
        let candidateBytes = Array(candidate.utf8)
        let choiceBytes = Array(choice.utf8)
        for run in diff.runs {
            switch run.kind {
            case .same: builder.append(slice(candidateBytes, run.bytes), kind: .same)
            case .deleted: builder.append(slice(choiceBytes, run.bytes), kind: .deleted)
            case .inserted: builder.append(slice(candidateBytes, run.bytes), kind: .inserted)
            }
        }
        return builder.document
    }

    /// One side of a side-by-side diff: `text` with the runs of `kind` marked.
    static func side(_ diff: WordDiff, text: String, kind: WordDiff.Kind, markers: Bool) -> ReaderDocument {
        var builder = Builder(markers: markers)
        let bytes = Array(text.utf8)
        var next = 0
        for run in diff.runs where run.kind == kind && run.bytes.lowerBound >= next {
            builder.append(slice(bytes, next..<run.bytes.lowerBound), kind: .same)
            builder.append(slice(bytes, run.bytes), kind: kind)
            next = run.bytes.upperBound
        }
        builder.append(slice(bytes, next..<bytes.count), kind: .same)
        return builder.document
    }

    /// `bytes[range]` kept inside `bytes`: a diff of texts a rerun has since replaced paints
    /// wrong, never out of bounds.
    private static func slice(_ bytes: [UInt8], _ range: Range<Int>) -> ArraySlice<UInt8> {
        let lower = min(max(0, range.lowerBound), bytes.count)
        return bytes[lower..<min(max(lower, range.upperBound), bytes.count)]
    }

    private struct Builder {
        var markers: Bool
        var bytes: [UInt8] = []
        var spans: [Span] = []

        var lastKind: WordDiff.Kind?

        mutating func append(_ slice: ArraySlice<UInt8>, kind: WordDiff.Kind) {
            // The choice's last word, deleted, runs into what replaces it unless spaced.
            if lastKind == .deleted, let last = bytes.last, !Self.isSpace(last), !slice.isEmpty { bytes.append(0x20) }
            lastKind = kind
            guard kind != .same else {
                bytes += slice
                return
            }
            let style = kind == .deleted ? ReaderDocument.deletedStyle : ReaderDocument.insertedStyle
            var body = slice
            var trailing: ArraySlice<UInt8> = []
            while let last = body.last, Self.isSpace(last) {
                trailing = body[(body.endIndex - 1)...] + trailing
                body = body.dropLast()
            }
            let start = bytes.count
            if markers { bytes += Array((kind == .deleted ? "[-" : "{+").utf8) }
            bytes += body
            if markers { bytes += Array((kind == .deleted ? "-]" : "+}").utf8) }
            spans.append(Span(bytes: start..<bytes.count, style: style))
            bytes += trailing
        }

        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

        var document: ReaderDocument {
            ReaderDocument(text: String(decoding: bytes, as: UTF8.self), spans: spans)
        }
    }
}
