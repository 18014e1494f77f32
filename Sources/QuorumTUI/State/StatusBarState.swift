import QuorumStore

/// One ensemble member's endpoint as the status bar shows it.
public struct EndpointStatus: Sendable, Equatable {
    public var member: String
    public var inFlight: Int
    public var queued: Int
    public var errors: Int
    public var tokensPerSecond: Double
    /// A member served by several replicas: each one's requests in flight and whether it rests
    /// after a failure. Empty for a member with one server.
    public var replicas: [ReplicaState]

    public struct ReplicaState: Sendable, Equatable {
        public var inFlight: Int
        public var isResting: Bool

        public init(inFlight: Int, isResting: Bool) {
            self.inFlight = inFlight
            self.isResting = isResting
        }
    }

    public init(
        member: String, inFlight: Int = 0, queued: Int = 0, errors: Int = 0, tokensPerSecond: Double = 0,
        replicas: [ReplicaState] = []
    ) {
        self.member = member
        self.inFlight = inFlight
        self.queued = queued
        self.errors = errors
        self.tokensPerSecond = tokensPerSecond
        self.replicas = replicas
    }

}

/// Items by status in the whole store, kept current as decisions are made.
public struct StatusCounts: Sendable, Equatable {
    public var byStatus: [ItemStatus: Int]
    /// Of the reviewed items, those decided by `quorum generate --auto-accept`, not a human.
    public var auto: Int

    public init(_ byStatus: [ItemStatus: Int] = [:], auto: Int = 0) {
        self.byStatus = byStatus
        self.auto = auto
    }

    public subscript(status: ItemStatus) -> Int {
        get { byStatus[status, default: 0] }
        set { byStatus[status] = max(0, newValue) }
    }

    /// Items with a curator's decision (accepted, overridden, edited or rejected).
    public var reviewed: Int { ItemStatus.curated.reduce(self[.rejected]) { $0 + self[$1] } }
    public var waiting: Int { self[.pending] + self[.streaming] }

    mutating func move(from old: ItemStatus?, to new: ItemStatus) {
        if let old { self[old] -= 1 }
        self[new] += 1
    }
}

public struct StatusMessage: Sendable, Equatable {
    public enum Severity: Sendable, Equatable {
        case info, success, warning, error
    }

    public var text: String
    public var severity: Severity

    public init(_ text: String, _ severity: Severity = .info) {
        self.text = text
        self.severity = severity
    }
}

public struct StatusBarState: Sendable, Equatable {
    public var endpoints: [EndpointStatus] = []
    /// Nil until the store has been counted.
    public var counts: StatusCounts?
    /// On a team's store, who else works on it; nil on a store of one's own.
    public var team: TeamStatus?
    /// Shown until the next key press; news (info, success) also fades after
    /// `messageSeconds`, and the key hint comes back.
    public var message: StatusMessage?
    /// The session clock (`SessionProgress.elapsedSeconds`) when `message` was last set.
    public var messageShownAt: Double = 0

    public static let messageSeconds: Double = 6

    public init() {}
}

/// The engine as the workbench sees it; `isAttached` is false when this session runs none.
public struct EngineState: Sendable, Equatable {
    public var isAttached = false
    /// The session has an engine that is still starting (a local model can take a minute).
    public var isStarting = false
    public var isPaused = false
    /// The workbench paused it because `maxAwaitingReview` items await review.
    public var isPausedForBacklog = false
    public var maxAwaitingReview = 50
    public var stored = 0
    public var target = 0
    public var lastError: String?

    public init() {}
}
