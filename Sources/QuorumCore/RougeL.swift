/// Rouge-L F-measure exactly as rouge-score 0.1.2 computes it.
public enum RougeL {
    /// `p = lcs/len(prediction)`, `r = lcs/len(target)`, `F = 2*p*r/(p+r)`, in that order,
    /// which is not always the same double as `2*lcs/(m+n)`.
    @inlinable
    public static func fMeasure(lcs: Int, targetLength: Int, predictionLength: Int) -> Double {
        if targetLength == 0 || predictionLength == 0 { return 0 }
        let precision = Double(lcs) / Double(predictionLength)
        let recall = Double(lcs) / Double(targetLength)
        if precision + recall > 0 {
            return 2 * precision * recall / (precision + recall)
        }
        return 0
    }

    /// The F-measure between two texts, tokenised as rouge-score does.
    public static func score(target: String, prediction: String, stem: Bool) -> Double {
        var tokenizer = RougeTokenizer()
        let targetIDs = tokenizer.tokenIDs(target, stem: stem)
        let predictionIDs = tokenizer.tokenIDs(prediction, stem: stem)
        return score(targetIDs, predictionIDs)
    }

    /// The F-measure between two token id sequences from one vocabulary.
    public static func score(_ target: [UInt32], _ prediction: [UInt32]) -> Double {
        var lcs = BitParallelLCS()
        return score(target, prediction, using: &lcs)
    }

    /// The same, reusing `lcs`'s buffers across many pairs.
    public static func score(_ target: [UInt32], _ prediction: [UInt32], using lcs: inout BitParallelLCS) -> Double {
        lcs.load(target)
        return fMeasure(
            lcs: lcs.length(against: prediction), targetLength: target.count,
            predictionLength: prediction.count)
    }
}
