import QuorumStore

/// What the reducer asks the shell to do; the results come back as actions.
public enum WorkbenchEffect: Sendable, Equatable {
    /// Read up to `limit` items matching `query` that sort after `after`; reply `.pageLoaded`.
    case loadPage(QueueQuery, after: ReviewCursor, limit: Int, generation: Int)
    /// Reply `.itemLoaded`.
    case loadItem(Int64)
    /// The engine stored a new item; reply `.itemArrived`.
    case loadArrivedItem(Int64)
    /// Reply `.countsLoaded`.
    case loadCounts
    /// Everything `quorum stats` reports, off the UI thread; reply `.statsLoaded` or `.statsFailed`.
    case loadStats(filter: QueueFilter)
    /// The spot-check verdict on the item; reply `.verdictLoaded`.
    case loadVerdict(Int64)
    /// Every candidate set the item has had, for `[`/`]`; reply `.candidateSetsLoaded`.
    case loadCandidateSets(Int64)
    /// The reasons given for earlier rejections, most used first; reply `.rejectReasonsLoaded`.
    case loadRejectReasons
    /// Align candidates `positions` with the choice off the screen's thread; reply `.sharedTokensAligned`.
    case alignSharedTokens(itemID: Int64, texts: [String], choice: Int, positions: [Int])
    /// Append a decision to the item's log; reply `.decisionRecorded` or `.effectFailed`.
    case decide(itemID: Int64, DecisionAction)
    /// Cancel `decisionID`, or when nil the item's latest decision still in force.
    case undo(itemID: Int64, decisionID: Int64?)
    /// Find the pending items `query` shows that a bulk `action` would decide; reply `.batchPlanned`.
    case planBatch(QueueQuery, DecisionAction)
    /// Decide the items in one transaction as one batch; reply `.batchDecided` or `.effectFailed`.
    case decideBatch(BatchPlan)
    /// Undo every decision of the batch; reply `.batchDecided` or `.effectFailed`.
    case undoBatch(batchID: Int64)
    /// Log that the curator put the item off for later; reply `.effectFailed` only when it fails.
    case skip(itemID: Int64)
    /// Let the curator edit `text` in $EDITOR; reply `.editorFinished`.
    case openEditor(itemID: Int64, text: String, basedOn: Int?)
    /// Rerun the item under `ticket`, its events arriving as `.engine`; reply `.rerunEnded`.
    case rerun(itemID: Int64, RerunScope, ticket: Int)
    case setEnginePaused(Bool)
    case export(path: String, format: ExportFormat)
    case applyTheme(String)
    case quit
}

public enum RerunScope: Sendable, Equatable {
    /// New outputs from the output members for the same instruction and input.
    case outputs
    /// A new instance (input and candidate 0), then new outputs.
    case instance
}
