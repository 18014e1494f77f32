/// The candidates pane has the keys (Tab): j/k and the wheel scroll it, `top` rows down, on
/// the item it was focused on (another item starts again at the top).
public struct CandidatesFocus: Sendable, Equatable {
    public var itemID: Int64?
    public var top: Int

    public init(itemID: Int64?, top: Int = 0) {
        self.itemID = itemID
        self.top = top
    }
}
