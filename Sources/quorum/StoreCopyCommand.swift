import ArgumentParser
import QuorumCommandLine
import QuorumStorePostgres

/// `quorum store copy FROM TO`: every row, ids kept, all or nothing.
struct StoreCopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a store into a new or empty one: SQLite to PostgreSQL and back, all or nothing.",
        discussion: """
            FROM and TO are SQLite paths or postgresql://user@host:port/database URLs (the \
            password from PGPASSWORD or ~/.pgpass). The destination must hold no data yet; the \
            copy keeps every id, the decision log and the derived state, so both stores export \
            the same bytes. A failed copy leaves the destination as it was.
            """)

    @Argument(help: ArgumentHelp("The store to copy.", valueName: "from")) var from: String
    @Argument(help: ArgumentHelp("The new or empty store to copy into.", valueName: "to")) var to: String

    func run() async throws {
        do {
            let source = try StoreEndpoint(from)
            let destination = try StoreEndpoint(to)
            let rows = try await StoreCopy.copy(from: source, to: destination)
            printError("copied \(source) to \(destination): \(rows.summary)")
        } catch {
            throw postgresFailure(error)
        }
    }
}
