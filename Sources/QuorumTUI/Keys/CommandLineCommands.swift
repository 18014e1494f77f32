/// The commands of the `:` line; help lists this table and the parser reads it.
public enum CommandLineCommands {
    public struct Entry: Sendable {
        public var names: [String]
        public var usage: String
        public var summary: String
    }

    public static let entries: [Entry] = [
        Entry(names: ["q", "quit"], usage: ":q", summary: "quit"),
        Entry(names: ["export"], usage: ":export PATH [alpaca|sharegpt|full]", summary: "export the curated items"),
        Entry(names: ["filter"], usage: ":filter review|all|STATUS", summary: "show items with that status"),
        Entry(names: ["theme"], usage: ":theme NAME", summary: "switch to a theme"),
        Entry(names: ["order"], usage: ":order id|margin", summary: "oldest first, or the most fragile decisions first"),
        Entry(names: ["stats"], usage: ":stats", summary: "counts, win rates, agreement, distributions, reasons"),
        Entry(names: ["help"], usage: ":help", summary: "this help"),
    ]

    /// The canonical name of `word` (`quit` for `q`), or nil for an unknown command.
    public static func canonicalName(_ word: String) -> String? {
        entries.first { $0.names.contains(word) }?.names.last
    }
}
