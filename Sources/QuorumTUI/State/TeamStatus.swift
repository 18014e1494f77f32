/// A team's store as the status bar shows it: who else holds items now, and how far the team
/// is under its policy.
public struct TeamStatus: Sendable, Equatable {
    public struct Curator: Sendable, Equatable {
        public var name: String
        /// Items the curator holds a lease on.
        public var leased: Int

        public init(name: String, leased: Int) {
            self.name = name
            self.leased = leased
        }
    }

    /// The other curators with a live lease, by name.
    public var others: [Curator]
    public var reviewsPerItem: Int
    /// Items whose reviews are all in and resolved.
    public var resolved: Int
    /// Items still waiting for reviews, contested ones included.
    public var open: Int
    public var contested: Int
    /// False while the connection to the store is lost and being made again.
    public var isConnected: Bool

    public init(
        others: [Curator] = [], reviewsPerItem: Int = 1, resolved: Int = 0, open: Int = 0, contested: Int = 0,
        isConnected: Bool = true
    ) {
        self.others = others
        self.reviewsPerItem = reviewsPerItem
        self.resolved = resolved
        self.open = open
        self.contested = contested
        self.isConnected = isConnected
    }
}
