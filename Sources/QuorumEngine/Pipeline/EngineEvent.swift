import QuorumCore
import QuorumStore

/// What the engine reports as it works; the workbench renders these live.
public enum EngineEvent: Sendable, Equatable {
    case instructionKept(type: ItemType, instruction: String)
    case instructionFiltered(type: ItemType, instruction: String, reason: FilterReason)
    /// A step-1 request was answered; `fruitlessInARow` answered requests in a row have kept no
    /// instruction (0 when this one kept one), and the run stops when they reach `limit`.
    case instructionRound(member: String, fruitlessInARow: Int, limit: Int)
    case itemStarted(ticket: Int, type: ItemType, instruction: String)
    /// The instance generator's answer parsed into an input (empty for type B) and candidate 0.
    case instanceReady(ticket: Int, input: String)
    /// The item was dropped before any output was requested (empty output, unparsable answer…).
    case instanceFiltered(ticket: Int, reason: FilterReason)
    case candidateToken(ticket: Int, candidate: Int, member: String, text: String)
    /// The member's request failed part-way and is retried: the text streamed so far is void.
    case candidateRestarted(ticket: Int, candidate: Int, member: String, reason: String)
    case candidateFinished(ticket: Int, candidate: Int, member: String, text: String, error: String?)
    case itemStored(ticket: Int, itemID: Int64, consensus: ConsensusResult)
    /// A rerun's new candidate set was recorded for `itemID` (a rerun of the instance stores a new item).
    case rerunStored(ticket: Int, itemID: Int64, consensus: ConsensusResult)
    case memberFailed(member: String, error: String)
    case progress(stored: Int, target: Int)
}
