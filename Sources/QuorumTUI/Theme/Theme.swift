/// How many colours the terminal can show, and whether the user wants any (`NO_COLOR`).
public enum ColorMode: Sendable, Equatable {
    case monochrome
    case basic8
    case indexed256

    /// `NO_COLOR` set to anything but the empty string turns colour off (no-color.org).
    public static func detect(environment: [String: String], terminalColors: Int) -> ColorMode {
        if let value = environment["NO_COLOR"], !value.isEmpty { return .monochrome }
        if terminalColors >= 256 { return .indexed256 }
        if terminalColors >= 8 { return .basic8 }
        return .monochrome
    }
}

/// One role's look in a theme.
public struct ThemeStyle: Sendable, Equatable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    /// For 8-colour terminals; derived from the 256-colour value when a theme leaves it out.
    public var foreground8: BasicColor?
    public var background8: BasicColor?
    public var attributes: TextAttributes

    public init(
        foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
        foreground8: BasicColor? = nil, background8: BasicColor? = nil, attributes: TextAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.foreground8 = foreground8
        self.background8 = background8
        self.attributes = attributes
    }
}

/// A role's look on one terminal: colour numbers for ncurses (-1 for the default) and attributes.
public struct ResolvedStyle: Sendable, Equatable {
    public var foreground: Int
    public var background: Int
    public var attributes: TextAttributes
}

/// A named set of styles for the roles; roles a theme leaves out look like `text` does.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var description: String
    public var styles: [StyleRole: ThemeStyle]

    public init(name: String, description: String = "", styles: [StyleRole: ThemeStyle]) {
        self.name = name
        self.description = description
        self.styles = styles
    }

    /// No colours at all: what the workbench uses when it finds no theme files.
    public static let plain = Theme(name: "plain", description: "the terminal's own colours", styles: [:])

    public func style(for role: StyleRole) -> ThemeStyle {
        styles[role] ?? styles[.text] ?? ThemeStyle()
    }

    public func resolve(_ role: StyleRole, mode: ColorMode) -> ResolvedStyle {
        let style = style(for: role)
        switch mode {
        case .monochrome:
            return ResolvedStyle(foreground: -1, background: -1, attributes: style.attributes.union(role.monochromeEmphasis))
        case .basic8:
            return ResolvedStyle(
                foreground: (style.foreground8 ?? style.foreground.basic).index,
                background: (style.background8 ?? style.background.basic).index,
                attributes: styles[role] == nil ? style.attributes.union(role.monochromeEmphasis) : style.attributes)
        case .indexed256:
            return ResolvedStyle(
                foreground: style.foreground.index, background: style.background.index,
                attributes: styles[role] == nil ? style.attributes.union(role.monochromeEmphasis) : style.attributes)
        }
    }
}

extension StyleRole {
    /// How the role stands out without colour (`NO_COLOR`, monochrome terminals, or a theme
    /// that leaves the role out).
    public var monochromeEmphasis: TextAttributes {
        switch self {
        case .text, .border, .overlay, .pending, .heat1, .heat2: return []
        case .muted, .diagonal, .heat0, .discarded: return .dim
        case .title, .overlayTitle, .choice, .warning, .accent, .heat4, .accepted: return .bold
        case .heat3, .edited, .overridden: return .underline
        case .selection, .statusBar, .prompt, .escaped: return .reverse
        case .shared: return .underline
        case .differs: return [.bold, .underline]
        case .danger, .rejected: return [.bold, .underline]
        case .success, .streaming: return .italic
        case .statusKey: return [.reverse, .bold]
        }
    }
}
