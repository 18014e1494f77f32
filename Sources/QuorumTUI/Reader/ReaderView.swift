/// The reader (`v`): one item's candidate full screen, scrolled, optionally diffed against the
/// consensus choice or set beside it.
public struct ReaderView: Sendable, Equatable {
    public var itemID: Int64
    /// The candidate shown (`0`–`9`).
    public var shown: Int
    /// The first body line on screen.
    public var scroll = 0
    /// `d`: the word diff of the shown candidate against the choice.
    public var showsDiff = false
    /// `s`: the choice on the left, the shown candidate on the right (120 columns or more).
    public var sideBySide = false
    /// `i`: the instruction and input folded away, leaving the text the whole screen.
    public var hidesPrompt = false
    /// The diff of `shown` against the choice, computed when `d` turns it on.
    public var diff: WordDiff?
    /// What the last wrap measured, so that scrolling does not wrap the text again.
    public var extent: Extent?

    public struct Extent: Sendable, Equatable {
        public var viewport: Size
        /// The body's rows at that size.
        public var rows: Int
        public var maxScroll: Int
    }

    public init(itemID: Int64, shown: Int) {
        self.itemID = itemID
        self.shown = shown
    }
}
