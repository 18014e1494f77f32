/// Where `[`/`]` have got to among one item's candidate sets: the stored ones, oldest first,
/// and, while a rerun runs, the set still streaming after them.
public struct SetBrowsing: Sendable, Equatable {
    public enum Shown: Sendable, Equatable {
        /// The item's current set, as the main view shows it without `[`.
        case current
        /// `sets[index]`, a set that is not the current one (earlier, or later than a current
        /// set an undone rerun went back to).
        case other(Int)
        /// The rerun's new set, while it streams.
        case streaming
    }

    public var itemID: Int64
    /// Read on the first `[`; nil until they are in.
    public var sets: [ItemPresentation]?
    public var shown: Shown = .current
    /// A `[` (-1) or `]` (+1) pressed before the sets were read, applied when they are.
    public var pendingStep: Int?

    public init(itemID: Int64) {
        self.itemID = itemID
    }

    /// The index of the current set among `sets`.
    func currentIndex(ordinal: Int) -> Int? {
        sets?.firstIndex { $0.setOrdinal == ordinal }
    }
}

/// Which set of how many the candidates are, for their title.
public struct SetPlace: Sendable, Equatable {
    /// 1 for the item's first set.
    public var number: Int
    /// Nil until the item's sets are read.
    public var count: Int?
    public var isCurrent: Bool
    /// Set while a rerun's new set streams and this one stays on screen: how many of its
    /// candidates are in, of how many so far.
    public var streaming: (finished: Int, started: Int)?

    public init(number: Int, count: Int?, isCurrent: Bool, streaming: (finished: Int, started: Int)? = nil) {
        self.number = number
        self.count = count
        self.isCurrent = isCurrent
        self.streaming = streaming
    }

    public static func == (lhs: SetPlace, rhs: SetPlace) -> Bool {
        lhs.number == rhs.number && lhs.count == rhs.count && lhs.isCurrent == rhs.isCurrent
            && lhs.streaming?.finished == rhs.streaming?.finished && lhs.streaming?.started == rhs.streaming?.started
    }
}
