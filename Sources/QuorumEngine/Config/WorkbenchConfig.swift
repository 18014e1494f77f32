/// The `[workbench]` table: how `quorum review` looks and warns.
public struct WorkbenchConfig: Sendable, Equatable {
    /// A theme's name (a file in themes/ without `.toml`); nil for the default.
    public var theme: String?
    /// A consensus at least this fragile (0 unanimous, 1 a coin toss) is flagged.
    public var fragileAbove: Double
    /// The curators' guidelines (Markdown), resolved against the configuration's folder.
    public var guidelines: String?
    /// Where `guidelines` is written (file, line, key), for the workbench to name when the
    /// file cannot be read: the message is the workbench's to fill in.
    public var guidelinesOrigin: QuorumConfigError?

    public init(theme: String? = nil, fragileAbove: Double = 0.5, guidelines: String? = nil) {
        self.theme = theme
        self.fragileAbove = fragileAbove
        self.guidelines = guidelines
    }

    static let tomlKeys = ["theme", "fragile_above", "guidelines"]

    init(toml reader: TOMLTableReader, folder: String, home: String?) throws(QuorumConfigError) {
        let defaults = WorkbenchConfig()
        self.init(
            theme: try reader.text("theme"),
            fragileAbove: try reader.fraction("fragile_above") ?? defaults.fragileAbove,
            guidelines: try reader.text("guidelines").map { ConfigPaths.resolve($0, against: folder, home: home) })
        if guidelines != nil { guidelinesOrigin = reader.error("guidelines", "") }
    }
}
