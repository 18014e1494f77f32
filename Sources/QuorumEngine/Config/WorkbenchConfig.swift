/// The `[workbench]` table: how `quorum review` looks and warns.
public struct WorkbenchConfig: Sendable, Equatable {
    /// A theme's name (a file in themes/ without `.toml`); nil for the default.
    public var theme: String?
    /// A consensus won by a smaller margin than this is flagged as fragile.
    public var fragileMargin: Double

    public init(theme: String? = nil, fragileMargin: Double = 0.05) {
        self.theme = theme
        self.fragileMargin = fragileMargin
    }

    static let tomlKeys = ["theme", "fragile_margin"]

    init(toml reader: TOMLTableReader) throws(QuorumConfigError) {
        let defaults = WorkbenchConfig()
        self.init(
            theme: try reader.text("theme"),
            fragileMargin: try reader.fraction("fragile_margin") ?? defaults.fragileMargin)
    }
}
