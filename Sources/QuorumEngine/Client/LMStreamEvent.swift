/// What a streamed completion reports while it runs.
public enum LMStreamEvent: Sendable, Equatable {
    /// The next piece of text, already cut at any stop sequence.
    case token(String)
    /// The attempt numbered `attempt - 1` failed with `reason`; attempt `attempt` (counted from 1)
    /// starts from scratch after `delaySeconds`. Discard the text delivered so far.
    case restart(attempt: Int, reason: LMError, delaySeconds: Double)
}
