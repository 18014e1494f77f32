import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumStore

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
        let store = try openStore(storeOptions, access: .read)
        var stats: StoreStats
        do {
            stats = try await store.stats(filter: expression)
            stats.filter = filter.text
        } catch {
            throw commandFailure(error)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(stats), as: UTF8.self))
        } else {
            print(StatsReport(stats: stats, storePath: storeOptions.resolvedPath()).text, terminator: "")
        }
    }
}
