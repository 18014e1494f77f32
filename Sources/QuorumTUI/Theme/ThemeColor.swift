/// A colour as a theme gives it: the terminal's default, or one of the 256 indexed colours.
public enum ThemeColor: Sendable, Hashable {
    case terminalDefault
    case indexed(UInt8)

    /// The index ncurses takes: -1 for the default colour.
    public var index: Int {
        switch self {
        case .terminalDefault: return -1
        case .indexed(let value): return Int(value)
        }
    }

    /// The nearest of the eight basic colours, for terminals with no more.
    public var basic: BasicColor {
        switch self {
        case .terminalDefault: return .terminalDefault
        case .indexed(let value): return BasicColor.nearest(toIndexed: value)
        }
    }

    /// Parses `#rrggbb` (mapped to the nearest of the 256), a basic colour's name (`red`,
    /// `bright-red`) or `default`; nil for anything else.
    public init?(name: String) {
        let lowered = name.lowercased()
        if lowered == "default" {
            self = .terminalDefault
        } else if let basic = BasicColor(rawValue: lowered), basic != .terminalDefault {
            self = .indexed(UInt8(basic.index))
        } else if lowered.hasPrefix("bright-"), let basic = BasicColor(rawValue: String(lowered.dropFirst(7))),
                  basic != .terminalDefault
        {
            self = .indexed(UInt8(basic.index + 8))
        } else if lowered.count == 7, lowered.hasPrefix("#"), let rgb = UInt32(lowered.dropFirst(), radix: 16) {
            self = .indexed(Self.nearestIndexed(red: Int(rgb >> 16), green: Int(rgb >> 8 & 0xFF), blue: Int(rgb & 0xFF)))
        } else {
            return nil
        }
    }

    /// The xterm-256 colour closest to an RGB colour: the 6×6×6 cube or the grey ramp.
    static func nearestIndexed(red: Int, green: Int, blue: Int) -> UInt8 {
        let levels = [0, 95, 135, 175, 215, 255]
        func cubeStep(_ value: Int) -> Int {
            levels.indices.min { abs(levels[$0] - value) < abs(levels[$1] - value) }!
        }
        let (r, g, b) = (cubeStep(red), cubeStep(green), cubeStep(blue))
        let cube = (levels[r], levels[g], levels[b])
        let greyStep = max(0, min(23, (((red + green + blue) / 3) - 8 + 5) / 10))
        let grey = 8 + 10 * greyStep
        func distance(_ c: (Int, Int, Int)) -> Int {
            (c.0 - red) * (c.0 - red) + (c.1 - green) * (c.1 - green) + (c.2 - blue) * (c.2 - blue)
        }
        if distance((grey, grey, grey)) < distance(cube) { return UInt8(232 + greyStep) }
        return UInt8(16 + 36 * r + 6 * g + b)
    }

    /// RGB of an xterm-256 colour.
    static func rgb(ofIndexed index: UInt8) -> (Int, Int, Int) {
        let value = Int(index)
        let system = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
                      (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
                      (255, 0, 255), (0, 255, 255), (255, 255, 255)]
        if value < 16 { return system[value] }
        if value >= 232 {
            let grey = 8 + 10 * (value - 232)
            return (grey, grey, grey)
        }
        let levels = [0, 95, 135, 175, 215, 255]
        let cube = value - 16
        return (levels[cube / 36], levels[cube / 6 % 6], levels[cube % 6])
    }
}

/// The eight colours every colour terminal has, and its default.
public enum BasicColor: String, Sendable, CaseIterable {
    case terminalDefault = "default"
    case black, red, green, yellow, blue, magenta, cyan, white

    /// ncurses' number: 0–7, or -1 for the default.
    public var index: Int {
        self == .terminalDefault ? -1 : BasicColor.allCases.firstIndex(of: self)! - 1
    }

    static func nearest(toIndexed value: UInt8) -> BasicColor {
        if value < 16 { return BasicColor.allCases[Int(value % 8) + 1] }
        let (red, green, blue) = ThemeColor.rgb(ofIndexed: value)
        let candidates = BasicColor.allCases.dropFirst()
        return candidates.min { a, b in
            distance(ThemeColor.rgb(ofIndexed: UInt8(a.index)), red, green, blue)
                < distance(ThemeColor.rgb(ofIndexed: UInt8(b.index)), red, green, blue)
        }!
    }

    private static func distance(_ color: (Int, Int, Int), _ red: Int, _ green: Int, _ blue: Int) -> Int {
        (color.0 - red) * (color.0 - red) + (color.1 - green) * (color.1 - green) + (color.2 - blue) * (color.2 - blue)
    }
}
