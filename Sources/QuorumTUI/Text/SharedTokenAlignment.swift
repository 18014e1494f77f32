import QuorumCore

/// The shared-token highlight under a budget, so that no frame waits for it. The screen's
/// thread aligns a candidate with the choice only when the pair fits `frameCellBudget`
/// (judged from the texts' lengths, before tokenising anything); the others are aligned by
/// an effect (`.alignSharedTokens`, answered by `.sharedTokensAligned`) in linear memory, up
/// to `backgroundCellLimit`, and beyond that not at all, with a note on the candidate: two
/// 1 MB candidates are about 10¹¹ cells, minutes of work for a highlight.
public struct SharedTokenAlignment: Sendable, Equatable {
    /// Per candidate, the UTF-8 ranges of its tokens in its LCS with the choice.
    public var ranges: [[Range<Int>]]
    /// Candidates whose alignment is left to the background.
    public var pending: [Int]
    /// Candidates too long to align at all.
    public var tooLong: [Int]

    public init(ranges: [[Range<Int>]], pending: [Int] = [], tooLong: [Int] = []) {
        self.ranges = ranges
        self.pending = pending
        self.tooLong = tooLong
    }
}

extension SharedTokens {
    /// About 4M cells: a few milliseconds of alignment on the screen's thread.
    public static let frameCellBudget = 1 << 22
    /// About 10⁹ cells: seconds, on a thread of its own (two 30k-word candidates).
    public static let backgroundCellLimit = 1 << 30

    /// At least a text's token count, from its length alone: a token and the separator after
    /// it take two bytes or more.
    static func tokenBound(_ text: String) -> Int { (text.utf8.count + 1) / 2 }

    /// On the screen's thread: the candidates that fit `frameCellBudget` aligned, the others pending.
    public static func alignWithinFrame(_ texts: [String], choice: Int?) -> SharedTokenAlignment {
        var result = SharedTokenAlignment(ranges: texts.map { _ in [] })
        guard let choice, texts.indices.contains(choice) else { return result }
        let chosenBound = tokenBound(texts[choice])
        var now: [Int] = []
        for position in texts.indices where position != choice {
            let (cells, overflow) = tokenBound(texts[position]).multipliedReportingOverflow(by: chosenBound)
            if overflow || cells > frameCellBudget { result.pending.append(position) } else { now.append(position) }
        }
        if !now.isEmpty { align(texts, choice: choice, now, limit: .max, into: &result) }
        return result
    }

    /// In the background: `positions` aligned, or too long when beyond `backgroundCellLimit`.
    public static func alignInBackground(_ texts: [String], choice: Int, _ positions: [Int]) -> SharedTokenAlignment {
        var result = SharedTokenAlignment(ranges: texts.map { _ in [] })
        guard texts.indices.contains(choice) else { return result }
        align(texts, choice: choice, positions, limit: backgroundCellLimit, into: &result)
        return result
    }

    private static func align(
        _ texts: [String], choice: Int, _ positions: [Int], limit: Int, into result: inout SharedTokenAlignment
    ) {
        var tokenizer = RougeTokenizer()
        let chosen = tokenizer.locatedTokens(texts[choice], stem: true).map(\.id)
        for position in positions where texts.indices.contains(position) && position != choice {
            let located = tokenizer.locatedTokens(texts[position], stem: true)
            let (cells, overflow) = located.count.multipliedReportingOverflow(by: chosen.count)
            guard !overflow, cells <= limit else {
                result.tooLong.append(position)
                continue
            }
            result.ranges[position] = LCSAlignment.commonTokenIndices(located.map(\.id), chosen).a.map { located[$0].bytes }
        }
    }
}
