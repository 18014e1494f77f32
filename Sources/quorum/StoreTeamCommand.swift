import ArgumentParser
import QuorumCommandLine
import QuorumEngine
import QuorumStore
import QuorumStorePostgres

/// `quorum store team`: the review policy a PostgreSQL store's team follows, and how far it is.
struct StoreTeamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: "Show or set how many curators review each item and the rule that decides it.",
        discussion: """
            With --config, the store adopts that file's [team] table (reviews_per_item, resolution = \
            "unanimous" | "majority" | "lead", lead) and derives every decided item again under it; \
            without, it shows its policy. Then prints the items resolved, in review and contested.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp("The configuration file whose [team] table the store adopts.", valueName: "path"))
    var config: String?
    @Flag(help: "Print the contested items' ids, one a line, instead of the summary.") var contested = false

    func run() async throws {
        var policy: TeamPolicy?
        if let config {
            do { policy = try QuorumConfigLoader.load(path: config).team ?? .single } catch {
                throw failure(error.description, status: ExitStatus.config)
            }
        }
        let done: Void? = try await withPostgresStore(storeOptions) { store in
            if let policy {
                let changed = try await store.adopt(policy)
                printError("\(store.location) follows \(policy) now; \(changed) items changed state")
            }
            if contested {
                for item in try await store.contestedItems() { print(item) }
            } else {
                print(try await store.reviewProgress().reportLine)
            }
        }
        guard done != nil else {
            throw failure(
                "\(storeOptions.resolvedPath()) is a SQLite store, which has one curator; a team needs a postgresql:// store",
                status: ExitStatus.config)
        }
    }
}
