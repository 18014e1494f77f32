/// What is drawn over the main screen and takes the keys while it is open.
public enum Overlay: Sendable, Equatable {
    case help(scroll: Int)
    case prompt(Prompt)
}

/// A one-line text prompt at the bottom of the screen.
public struct Prompt: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case command
        case search
        case rejectReason(itemID: Int64)
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, text: String = "") {
        self.kind = kind
        self.text = text
    }

    public var label: String {
        switch kind {
        case .command: return ":"
        case .search: return "/"
        case .rejectReason(let itemID): return "Reject #\(itemID), reason: "
        }
    }
}
