/// Everything the screen shows, as a value: the renderer draws it, the reducer changes it,
/// and neither touches a terminal or the store.
public struct WorkbenchState: Sendable, Equatable {
    public var viewport: Size
    public var settings: WorkbenchSettings
    public var queue = QueueState()
    /// Details of stored items near the cursor, by id.
    public var details: [Int64: ItemPresentation] = [:]
    /// The logs of items whose details are kept, by id.
    public var histories: [Int64: ItemHistory] = [:]
    /// Items the engine is generating, oldest ticket first.
    public var live: [LiveItem] = []
    /// The item whose live entry was selected when it was stored: the cursor follows it to
    /// its row when it arrives.
    public var followedArrival: Int64?
    /// Reruns under way, shown in place of the item they rerun until they are stored.
    public var reruns: [LiveItem] = []
    /// Items whose outputs were just rerun, with the texts they had: when the new set is
    /// read, one identical to the old says so (a temperature of 0 returns the same text).
    public var rerunBefore: [Int64: [String]] = [:]
    /// The selected item's candidate sets, once `[` has asked for them.
    public var setBrowsing: SetBrowsing?
    /// The file `[workbench] guidelines` names, read at startup; nil when none is named.
    public var guidelines: Guidelines?
    /// Reasons given for earlier rejections, most used first: the reason prompt's completions.
    public var rejectReasons: [String] = []
    /// Rerun tickets count from here, far above the engine's own.
    public var nextRerunTicket = 1 << 40
    public var overlay: Overlay?
    public var status = StatusBarState()
    public var engine = EngineState()
    /// Set when the workbench runs a spot-check (`quorum spot-check` on a terminal).
    public var spotCheck: SpotCheckState?
    public var themeNames: [String]
    public var themeName: String
    /// The candidate given the most room in the candidates pane (`J`/`K`).
    public var expandedCandidate: Int?
    /// The curator's choice between the queue strip and the whole queue (`z`); nil leaves it
    /// to the terminal's width.
    public var queueStrip: Bool?
    /// Set while the candidates pane has the keys (Tab).
    public var candidatesFocus: CandidatesFocus?
    /// Decisions made this session, oldest first, for `u`.
    public var undoTrail: [DecisionReference] = []
    /// The curator's pace this session, for the status bar.
    public var progress = SessionProgress()
    /// Decisions sent to the store and not yet confirmed.
    public var pendingWrites = 0
    /// Keys pressed while the selected item was still loading (and every key after them),
    /// applied in order once it is there.
    public var queuedKeys: [Key] = []
    public var isQuitting = false
    /// The quit came from SIGINT, SIGTERM or SIGHUP rather than a key.
    public var wasInterrupted = false

    public init(
        viewport: Size, settings: WorkbenchSettings = WorkbenchSettings(), themeNames: [String] = ["dark"],
        themeName: String? = nil
    ) {
        self.viewport = viewport
        self.settings = settings
        self.themeNames = themeNames.isEmpty ? ["dark"] : themeNames
        self.themeName = themeName ?? self.themeNames[0]
    }

    /// Whether the queue is a one-row strip over the item rather than a column beside it. A
    /// spot-check keeps the column: its estimate's pane lives under the queue.
    public var showsQueueStrip: Bool {
        queueStrip ?? (spotCheck == nil && viewport.width < WorkbenchLayout.stripBelowWidth)
    }

    /// Whether live items are listed under the current filter.
    public var showsLiveItems: Bool {
        queue.query.filter.includes(.streaming) && queue.query.search.isEmpty
    }

    public var entryCount: Int {
        queue.rows.count + (showsLiveItems ? live.count : 0)
    }

    public func entry(at index: Int) -> QueueEntry? {
        if index >= 0 && index < queue.rows.count { return .stored(queue.rows[index]) }
        let liveIndex = index - queue.rows.count
        guard showsLiveItems, liveIndex >= 0, liveIndex < live.count else { return nil }
        return .live(live[liveIndex])
    }

    public var selectedEntry: QueueEntry? { entry(at: queue.cursor) }

    /// The rerun under way for stored item `itemID`.
    public func rerun(of itemID: Int64) -> LiveItem? {
        reruns.first { $0.rerunOf == itemID }
    }

    /// The selected stored item's detail, when it is loaded.
    public var selectedItem: ItemPresentation? {
        selectedEntry?.itemID.flatMap { details[$0] }
    }
}

/// A decision the session made, so `u` can cancel it.
public struct DecisionReference: Sendable, Equatable {
    public var itemID: Int64
    public var decisionID: Int64
    /// Set for a bulk decision: `u` undoes the whole batch (`decisionID` is its first).
    public var batchID: Int64?

    public init(itemID: Int64, decisionID: Int64, batchID: Int64? = nil) {
        self.itemID = itemID
        self.decisionID = decisionID
        self.batchID = batchID
    }
}
