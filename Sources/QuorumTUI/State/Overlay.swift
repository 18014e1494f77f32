/// What is drawn over the main screen and takes the keys while it is open.
public enum Overlay: Sendable, Equatable {
    case help(scroll: Int)
    case prompt(Prompt)
    /// The full-screen `:stats` view.
    case stats(StatsView)
    /// The reader (`v`).
    case reader(ReaderView)
    /// The guidelines (`H`), scrolled to this line.
    case guidelines(scroll: Int)
}

/// The `:stats` view: the store's statistics (read off the UI thread) and how far it is scrolled.
public struct StatsView: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case loading
        case loaded(StatsSnapshot)
        case failed(String)
    }

    public var content: Content
    /// The first line shown.
    public var scroll: Int
    /// The first column shown, for tables wider than the screen.
    public var column: Int

    public init(content: Content = .loading, scroll: Int = 0, column: Int = 0) {
        self.content = content
        self.scroll = scroll
        self.column = column
    }
}

/// A one-line text prompt at the bottom of the screen.
public struct Prompt: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case command
        case search
        case rejectReason(itemID: Int64)
        /// A spot-check's `n`: why the automatic decision is wrong (recorded as a reject).
        case wrongReason(itemID: Int64)
        /// `n` outside a spot-check: a note on the item, kept in its log.
        case note(itemID: Int64)
        /// `:accept` or `:reject` over the filter: `y` and Enter decides them all.
        case confirmBatch(BatchPlan)
    }

    public var kind: Kind
    public var text: String
    /// After a Tab that fits several words: the words, shown after the text.
    public var choices: [String] = []

    public init(_ kind: Kind, text: String = "") {
        self.kind = kind
        self.text = text
    }

    /// A reject's or a wrong verdict's reason: Tab completes from the reasons given before.
    public var isReason: Bool {
        switch kind {
        case .rejectReason, .wrongReason: return true
        default: return false
        }
    }

    public var label: String {
        switch kind {
        case .command: return ":"
        case .search: return "/"
        case .rejectReason(let itemID): return "Reject #\(itemID), reason: "
        case .wrongReason(let itemID): return "Wrong: why is #\(itemID)'s choice wrong? "
        case .note(let itemID): return "Note on #\(itemID): "
        case .confirmBatch(let plan):
            return "\(plan.verb.capitalized) \(plan.itemIDs.count) pending item\(plan.itemIDs.count == 1 ? "" : "s") of \(plan.scope)? y + Enter: "
        }
    }
}
