import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumStore
import QuorumStorePostgres

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Counts, win and override rates, curator agreement (kappa), distributions and reasons.")

    @OptionGroup var storeOptions: StoreOptions

    @Flag(help: "Print one JSON object instead of tables.")
    var json = false

    @OptionGroup var filter: FilterOption

    func run() async throws {
        let expression = try filter.expression()
        var stats: StoreStats
        var team: TeamAgreement?
        var reviews: TeamReviewProgress?
        if let (fromPostgres, agreement, progress) = try await withPostgresStore(storeOptions, {
            (try await $0.stats(filter: expression), try await $0.teamAgreement(), try await $0.reviewProgress())
        }) {
            stats = fromPostgres
            team = agreement
            reviews = progress
        } else {
            let store = try openStore(storeOptions, access: .read)
            do {
                stats = try await store.stats(filter: expression)
            } catch {
                throw commandFailure(error)
            }
        }
        stats.filter = filter.text
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(stats), as: UTF8.self))
        } else {
            print(StatsReport(stats: stats, storePath: storeOptions.resolvedPath()).text, terminator: "")
            if let team { print("\n" + team.reportLines.joined(separator: "\n")) }
            if let reviews { print(reviews.reportLine) }
        }
    }
}
