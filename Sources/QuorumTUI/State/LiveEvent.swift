import QuorumStore

/// What the workbench shows of the ensemble at work: items as they are generated, candidates
/// as they stream, and the run's progress. The session maps the engine's events into these.
public enum LiveEvent: Sendable, Equatable {
    case itemStarted(ticket: Int, type: ItemType, instruction: String)
    /// The instance is parsed: its input (empty for type B); candidate 0 streams next.
    case instanceReady(ticket: Int, input: String)
    /// The item was dropped before any output was asked for.
    case instanceFiltered(ticket: Int)
    case candidateToken(ticket: Int, candidate: Int, member: String, text: String)
    /// The member's request failed part-way and is retried: the text streamed so far is void.
    case candidateRestarted(ticket: Int, candidate: Int, member: String, reason: String)
    case candidateFinished(ticket: Int, candidate: Int, member: String, text: String, error: String?)
    case itemStored(ticket: Int, itemID: Int64)
    /// A rerun's new candidates were recorded for `itemID`.
    case rerunStored(ticket: Int, itemID: Int64)
    case memberFailed(member: String, error: String)
    case progress(stored: Int, target: Int)
}
