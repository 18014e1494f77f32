/// What an item's log and candidate sets say about it now.
public struct DerivedItemState: Sendable, Equatable {
    public var status: ItemStatus
    public var output: String?
    public var chosen: Int?
    public var currentSetID: Int64

    public init(status: ItemStatus, output: String?, chosen: Int?, currentSetID: Int64) {
        self.status = status
        self.output = output
        self.chosen = chosen
        self.currentSetID = currentSetID
    }
}
