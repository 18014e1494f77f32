/// A key press, as the terminal layer decodes it.
public enum Key: Sendable, Hashable {
    case character(Character)
    /// Ctrl with a letter: `.control("u")` for Ctrl-U.
    case control(Character)
    case enter, escape, backspace, delete, tab, backTab
    case up, down, left, right, pageUp, pageDown, home, end
    case function(Int)
    /// The terminal changed size.
    case resize
    case mouse(MouseEvent)
    case unknown(Int)

    /// How the help overlay writes the key.
    public var label: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .control(let letter): return "Ctrl-" + letter.uppercased()
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .function(let number): return "F\(number)"
        case .resize: return "resize"
        case .mouse: return "mouse"
        case .unknown(let code): return "key \(code)"
        }
    }

    /// The digit of a digit key.
    public var digit: Int? {
        guard case .character(let character) = self, let value = character.wholeNumberValue,
              character.isASCII else { return nil }
        return value
    }
}

/// A click or a turn of the wheel at a cell of the screen.
public struct MouseEvent: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        case click, wheelUp, wheelDown
    }

    public var action: Action
    public var at: Point

    public init(_ action: Action, at: Point) {
        self.action = action
        self.at = at
    }
}
