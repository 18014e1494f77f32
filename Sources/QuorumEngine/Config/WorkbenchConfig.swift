/// The `[workbench]` table: how `quorum review` looks and warns.
public struct WorkbenchConfig: Sendable, Equatable {
    /// A theme's name (a file in themes/ without `.toml`); nil for the default.
    public var theme: String?
    /// A consensus at least this fragile (0 unanimous, 1 a coin toss) is flagged.
    public var fragileAbove: Double

    public init(theme: String? = nil, fragileAbove: Double = 0.5) {
        self.theme = theme
        self.fragileAbove = fragileAbove
    }

    static let tomlKeys = ["theme", "fragile_above"]

    init(toml reader: TOMLTableReader) throws(QuorumConfigError) {
        let defaults = WorkbenchConfig()
        self.init(
            theme: try reader.text("theme"),
            fragileAbove: try reader.fraction("fragile_above") ?? defaults.fragileAbove)
    }
}
