/// What a cell shows, by meaning; a theme decides the colours. The grid stores roles, never
/// colours, so a frame renders the same whatever the theme or the terminal's colour support.
public enum StyleRole: UInt8, Sendable, CaseIterable, Hashable {
    case text
    case muted
    case title
    case border
    case selection
    case accent
    /// The consensus choice's marker and header.
    case choice
    /// Tokens a candidate shares with the consensus choice (the LCS that earned its score).
    case shared
    /// Words a candidate does not share with the consensus choice: what there is to judge.
    case differs
    /// A control character or escape sequence of model text, made visible.
    case escaped
    case warning
    case danger
    case success
    case statusBar
    case statusKey
    case prompt
    case overlay
    case overlayTitle
    case streaming
    case pending
    case accepted
    case overridden
    case edited
    case rejected
    case discarded
    case heat0
    case heat1
    case heat2
    case heat3
    case heat4
    case diagonal

    /// The name a theme file gives the role: `selection`, `heat-3`, `overlay-title`.
    public var themeKey: String {
        switch self {
        case .heat0: return "heat-0"
        case .heat1: return "heat-1"
        case .heat2: return "heat-2"
        case .heat3: return "heat-3"
        case .heat4: return "heat-4"
        case .statusBar: return "status-bar"
        case .statusKey: return "status-key"
        case .overlayTitle: return "overlay-title"
        default: return "\(self)"
        }
    }

    public init?(themeKey: String) {
        guard let role = Self.allCases.first(where: { $0.themeKey == themeKey }) else { return nil }
        self = role
    }

    /// The heatmap role of a Rouge-L value in [0, 1].
    public static func heat(_ value: Double) -> StyleRole {
        switch value {
        case ..<0.2: return .heat0
        case ..<0.4: return .heat1
        case ..<0.6: return .heat2
        case ..<0.8: return .heat3
        default: return .heat4
        }
    }
}

/// Emphasis added to a cell on top of its role's.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let reverse = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)
}
