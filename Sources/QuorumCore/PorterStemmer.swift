/// NLTK's Porter stemmer in mode NLTK_EXTENSIONS, over lowercase ASCII tokens.
public struct PorterStemmer: Sendable {
    public init() {}

    public func stem(_ word: [UInt8]) -> [UInt8] {
        word  // placeholder until the real stemmer lands
    }

    public func stem(_ word: String) -> String {
        String(decoding: stem(Array(word.utf8)), as: UTF8.self)
    }
}
