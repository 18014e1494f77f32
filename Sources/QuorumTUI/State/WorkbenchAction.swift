import QuorumCore
import QuorumStore

/// Everything that can change the workbench's state: keys, and the results of effects and
/// engine events that the shell feeds back.
public enum WorkbenchAction: Sendable, Equatable {
    case key(Key)
    case resized(Size)
    case pageLoaded(QueuePage)
    case itemLoaded(ItemDetail)
    /// A new item entered the store (the engine stored it).
    case itemArrived(ItemDetail)
    /// An item already in the store was handed to this curator (a team store's lease): it
    /// joins the queue without changing the counts.
    case itemClaimed(ItemDetail)
    /// Who else is working on a team's store, and how far the team is.
    case teamStatus(TeamStatus)
    case countsLoaded(StatusCounts)
    case decisionRecorded(DecisionOutcome)
    /// The store refused or failed a `.decide` or `.undo` on the item.
    case decisionFailed(itemID: Int64, message: String)
    case editorFinished(itemID: Int64, basedOn: Int?, text: String?)
    /// `.planBatch`'s result: what to ask the curator to confirm.
    case batchPlanned(BatchPlan)
    /// `.decideBatch`'s or `.undoBatch`'s result.
    case batchDecided(BatchResult)
    case engine(LiveEvent)
    /// The rerun under `ticket` is over: recorded in the item's log as `decisionID` (so `u`
    /// can undo it), or dropped or failed (`failure` says why).
    case rerunEnded(ticket: Int, itemID: Int64, decisionID: Int64?, failure: String?)
    case memberStatistics([EndpointStatus])
    /// The engine is on its way: seeds, the local engine, the run.
    case engineStarting
    case engineStatus(attached: Bool, paused: Bool)
    /// `.loadStats`'s result, for the stats view.
    case statsLoaded(StatsSnapshot)
    case statsFailed(String)
    /// `.loadVerdict`'s result: the spot-check verdict on the item as the store now derives it.
    case verdictLoaded(itemID: Int64, ErrorRateEstimate.Verdict?)
    /// `.alignSharedTokens`' result.
    case sharedTokensAligned(itemID: Int64, SharedTokenAlignment)
    /// The item's log, read with it and after each decision on it, for the item pane.
    case historyLoaded(itemID: Int64, [LoggedDecision])
    /// Every set of the item, oldest first, each as the item with that set.
    case candidateSetsLoaded(itemID: Int64, [ItemDetail])
    /// Earlier rejections' reasons, most used first: what the reason prompt offers.
    case rejectReasonsLoaded([String])
    /// A second went by: the time since the workbench opened.
    case clock(elapsedSeconds: Double)
    /// Something the shell wants the curator to know.
    case notice(StatusMessage)
    case effectFailed(String)
    /// SIGINT or SIGTERM: quit as `q` would.
    case interrupted
}

/// A page of the queue, read for `generation` of the query.
public struct QueuePage: Sendable, Equatable {
    public var generation: Int
    public var rows: [QueueRow]
    /// The whole of some of `rows`, read along with them.
    public var details: [ItemDetail]
    /// The key the store was read through (beyond `rows` when a search skipped some).
    public var readThrough: ReviewCursor
    public var isLast: Bool

    public init(generation: Int, rows: [QueueRow], details: [ItemDetail] = [], readThrough: ReviewCursor, isLast: Bool) {
        self.generation = generation
        self.rows = rows
        self.details = details
        self.readThrough = readThrough
        self.isLast = isLast
    }

    /// A page of whole items.
    public init(generation: Int, items: [ItemDetail], order: ReviewOrder = .id, readThrough: ReviewCursor, isLast: Bool) {
        self.init(generation: generation, rows: items.map { QueueRow($0, order: order) }, details: items,
                  readThrough: readThrough, isLast: isLast)
    }
}

/// A decision the store recorded, with the item as it now stands.
public struct DecisionOutcome: Sendable, Equatable {
    public var decision: Decision
    public var item: ItemDetail

    public init(decision: Decision, item: ItemDetail) {
        self.decision = decision
        self.item = item
    }
}

/// The store's statistics and where they were read from.
public struct StatsSnapshot: Sendable, Equatable {
    public var storePath: String
    public var stats: StoreStats
    /// What the store adds under a heading of its own (a team's store: each curator's figures,
    /// their agreement, the reviews' progress).
    public var team: [String]
    /// The items two curators decided differently: what `d` lists.
    public var disagreements: [Int64]

    public init(storePath: String, stats: StoreStats, team: [String] = [], disagreements: [Int64] = []) {
        self.storePath = storePath
        self.stats = stats
        self.team = team
        self.disagreements = disagreements
    }
}
