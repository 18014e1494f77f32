import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumStorePostgres

/// A headless curator on a PostgreSQL store, printing "ITEM DECISION" once each decision is
/// acknowledged, and on stderr when it loses the store and reconnects: the kill -9 test checks
/// every printed decision survives and the leases expire, the restart test that none is stored twice.
struct StoreDebugCurateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curate", abstract: "Claim and accept items on a PostgreSQL store, printing each acknowledged decision.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var curatorOptions: StoreCuratorOptions
    @Option(help: "Items claimed at a time.") var claim = 20
    @Option(help: "How long a lease lasts, in seconds.") var leaseSeconds = 60.0
    @Option(help: "Stop after this many decisions (default: when nothing is pending).") var count: Int?

    func run() async throws {
        let curator = HeadlessCurator(
            name: curatorOptions.resolvedCurator(), claimSize: claim, leaseDuration: .milliseconds(Int(leaseSeconds * 1000)))
        let path = storeOptions.resolvedPath()
        guard PostgresLocation.isURL(path) else { throw failure("curate needs a postgresql:// store", status: ExitStatus.config) }
        do {
            let location = try PostgresLocation(parsing: path)
            try await curator.run(at: location, limit: count, events: { event in
                switch event {
                case .connectionLost(let reason): printError("lost the store (\(reason)); reconnecting")
                case .reconnected(let attempts): printError("reconnected after \(attempts) attempts; retrying")
                }
            }) { itemID, decision, _ in
                FileHandle.standardOutput.write(Data("\(itemID) \(decision.id ?? 0)\n".utf8))
            }
        } catch {
            throw postgresFailure(error)
        }
    }
}
