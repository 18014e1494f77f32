import ArgumentParser
import Foundation

/// `--store PATH`, shared by every command that opens the curation store.
public struct StoreOptions: ParsableArguments {
    public init() {}

    @Option(name: .long, help: ArgumentHelp(
        "The curation store: a SQLite path or a postgresql://user@host:port/database URL.",
        discussion: "Default: $QUORUM_STORE, else quorum.sqlite here. The PostgreSQL password comes from PGPASSWORD or ~/.pgpass.",
        valueName: "path|url"))
    public var store: String?

    /// The one place the store path is resolved: flag, then environment, then default.
    public func resolvedPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let store, !store.isEmpty { return store }
        if let fromEnvironment = environment["QUORUM_STORE"], !fromEnvironment.isEmpty { return fromEnvironment }
        return "quorum.sqlite"
    }
}
