import QuorumCore

/// The words each candidate shares with the consensus choice: the tokens of one longest
/// common subsequence (Rouge-L's, with the Porter stemmer, as the consensus scores them),
/// as UTF-8 byte ranges of the candidate's original text.
public enum SharedTokens {
    /// One list per candidate, ascending; empty for the choice itself and when there is none.
    public static func ranges(_ texts: [String], choice: Int?) -> [[Range<Int>]] {
        guard let choice, texts.indices.contains(choice) else { return texts.map { _ in [] } }
        var tokenizer = RougeTokenizer()
        let chosen = tokenizer.locatedTokens(texts[choice], stem: true).map(\.id)
        return texts.indices.map { position in
            guard position != choice else { return [] }
            let located = tokenizer.locatedTokens(texts[position], stem: true)
            let common = LCSAlignment.commonTokenIndices(located.map(\.id), chosen)
            return common.a.map { located[$0].bytes }
        }
    }
}
