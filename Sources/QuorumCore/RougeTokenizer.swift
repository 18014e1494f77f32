/// rouge-score 0.1.2's tokenizer: lowercase, every run of characters outside ASCII
/// `[a-z0-9]` separates tokens, and with the stemmer, tokens longer than 3 characters
/// go through NLTK's Porter stemmer.
///
/// Python lowercases the whole text first; the only non-ASCII scalars whose lowercase
/// contains ASCII letters or digits are U+0130 (→ "i" + U+0307) and U+212A (→ "k"),
/// so the scan works on UTF-8 bytes and is exact.
public struct RougeTokenizer: Sendable {
    public private(set) var vocabulary = TokenVocabulary()
    private var stemmedID: [UInt32] = []
    private let stemmer = PorterStemmer()
    private static let notStemmed = UInt32.max

    public init() {}

    public mutating func tokenIDs(_ text: String, stem: Bool) -> [UInt32] {
        var ids: [UInt32] = []
        appendTokenIDs(of: text, stem: stem, to: &ids)
        return ids
    }

    public mutating func appendTokenIDs(of text: String, stem: Bool, to ids: inout [UInt32]) {
        var text = text
        text.withUTF8 { bytes in
            appendTokenIDs(ofUTF8: bytes, stem: stem, to: &ids)
        }
    }

    public mutating func appendTokenIDs(
        ofUTF8 bytes: UnsafeBufferPointer<UInt8>, stem: Bool, to ids: inout [UInt32]
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { scratch in
            var token = TokenBuffer(inline: scratch)
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    token.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    token.append(byte | 0x20)
                case 0xC4 where index + 1 < count && bytes[index + 1] == 0xB0:
                    token.append(UInt8(ascii: "i"))
                    emit(&token, stem: stem, to: &ids)
                    index += 1
                case 0xE2 where index + 2 < count && bytes[index + 1] == 0x84 && bytes[index + 2] == 0xAA:
                    token.append(UInt8(ascii: "k"))
                    index += 2
                default:
                    emit(&token, stem: stem, to: &ids)
                }
                index += 1
            }
            emit(&token, stem: stem, to: &ids)
        }
    }

    /// The tokens as strings, for tests and tools.
    public mutating func tokens(_ text: String, stem: Bool) -> [String] {
        tokenIDs(text, stem: stem).map { vocabulary.string(of: $0) }
    }

    private mutating func emit(_ token: inout TokenBuffer, stem: Bool, to ids: inout [UInt32]) {
        guard token.count > 0 else { return }
        let raw = token.withBytes { vocabulary.intern($0) }
        token.removeAll()
        guard stem && vocabulary.length(of: raw) > 3 else {
            ids.append(raw)
            return
        }
        ids.append(stemmed(raw))
    }

    private mutating func stemmed(_ raw: UInt32) -> UInt32 {
        let index = Int(raw)
        if index >= stemmedID.count {
            stemmedID.append(contentsOf: repeatElement(Self.notStemmed, count: index + 1 - stemmedID.count))
        }
        let cached = stemmedID[index]
        if cached != Self.notStemmed { return cached }
        let stem = stemmer.stem(Array(vocabulary.bytes(of: raw)))
        let id = vocabulary.intern(stem)
        stemmedID[index] = id
        return id
    }
}

/// A token being scanned: bytes live in a stack buffer, spilling to the heap for long tokens.
private struct TokenBuffer {
    let inline: UnsafeMutableBufferPointer<UInt8>
    var count = 0
    var spill: [UInt8] = []

    init(inline: UnsafeMutableBufferPointer<UInt8>) { self.inline = inline }

    mutating func append(_ byte: UInt8) {
        if count < inline.count {
            inline[count] = byte
        } else {
            if spill.isEmpty { spill.append(contentsOf: inline) }
            spill.append(byte)
        }
        count += 1
    }

    mutating func removeAll() {
        count = 0
        spill.removeAll(keepingCapacity: true)
    }

    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if count <= inline.count {
            return body(UnsafeBufferPointer(rebasing: inline[0..<count]))
        }
        return spill.withUnsafeBufferPointer(body)
    }
}
