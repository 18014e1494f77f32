import QuorumCore
import QuorumStore

/// A stored item as the panes show it: its texts wrapped as `SafeText`, its candidates and
/// consensus, and (once selected) the tokens each candidate shares with the choice.
public struct ItemPresentation: Sendable, Equatable {
    public var id: Int64
    public var status: ItemStatus
    public var type: ItemType
    public var instruction: SafeText
    public var input: SafeText
    public var runID: Int64
    public var generator: String?
    public var seedIDs: [String]
    /// 0 for the engine's first candidate set, then one more per rerun.
    public var setOrdinal: Int
    public var candidates: [CandidatePresentation]
    /// Nil while candidates are still streaming.
    public var consensus: ConsensusResult?
    /// The candidate the item's output comes from (the curator's pick, or the consensus').
    public var chosen: Int?
    /// The curated text when it was edited.
    public var editedOutput: SafeText?
    /// The store's `ItemDetail.logPosition` when this was read.
    public var logPosition: Int64
    /// Per candidate, UTF-8 ranges of the tokens in its LCS with the choice; computed when
    /// the item is selected (see `SharedTokens`).
    public var sharedTokens: [[Range<Int>]]?
    /// Candidates whose shared tokens are being aligned off the screen's thread.
    public var sharedTokensPending: [Int] = []
    /// Candidates too long to align with the choice: shown without the highlight.
    public var sharedTokensTooLong: [Int] = []
    /// Set when `[`/`]` are stepping through the item's sets, or a rerun streams: which set
    /// this is of how many.
    public var setPlace: SetPlace?

    public init(_ detail: ItemDetail) {
        id = detail.item.id ?? 0
        status = detail.item.status
        type = detail.item.type
        instruction = SafeText(detail.item.instruction)
        input = SafeText(detail.item.input)
        runID = detail.item.runID
        generator = detail.item.generator
        seedIDs = detail.item.seedIDs
        setOrdinal = detail.candidateSet.ordinal
        candidates = detail.candidates.map(CandidatePresentation.init)
        consensus = detail.candidateSet.consensus
        chosen = detail.item.chosen
        editedOutput = detail.item.status == .edited ? detail.item.output.map(SafeText.init) : nil
        logPosition = detail.logPosition
    }

    public var choice: Int? { consensus?.choice }

    /// Whether candidate `position` can be taken: it exists, has no error and has text.
    public func isUsable(_ position: Int) -> Bool {
        candidates.indices.contains(position) && candidates[position].error == nil
            && !candidates[position].text.isBlank
    }

    /// Aligns what fits a frame's budget; true when the rest must be aligned in the background.
    @discardableResult
    mutating func computeSharedTokens() -> Bool {
        guard sharedTokens == nil else { return false }
        let alignment = SharedTokens.alignWithinFrame(candidates.map(\.text.original), choice: choice)
        sharedTokens = alignment.ranges
        sharedTokensPending = alignment.pending
        return !alignment.pending.isEmpty
    }

    /// Takes a background alignment's result.
    mutating func absorb(_ alignment: SharedTokenAlignment) {
        guard var ranges = sharedTokens, ranges.count == alignment.ranges.count else { return }
        for position in sharedTokensPending where ranges.indices.contains(position) {
            ranges[position] = alignment.ranges[position]
        }
        sharedTokens = ranges
        sharedTokensTooLong = alignment.tooLong
        sharedTokensPending = []
    }
}

public struct CandidatePresentation: Sendable, Equatable {
    public var position: Int
    public var member: String
    public var text: SafeText
    public var error: String?
    public var completionTokens: Int?
    public var latencyMilliseconds: Double?

    public init(_ candidate: Candidate) {
        position = candidate.position
        member = candidate.member
        text = SafeText(candidate.text)
        error = candidate.error
        completionTokens = candidate.completionTokens
        latencyMilliseconds = candidate.latencyMilliseconds
    }
}
