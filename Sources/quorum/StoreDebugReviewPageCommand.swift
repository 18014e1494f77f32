import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumStore

/// Opens the store and reads the first page of the review queue, timing both from inside a
/// fresh process: the figure `quorum bench store` reports beside the in-process one.
struct StoreDebugReviewPageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review-page", abstract: "Time opening the store and reading one review page.")

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Items per page.")
    var limit = 50

    func run() async throws {
        let start = ContinuousClock.now
        let store = try openStore(storeOptions, access: .read)
        let page: [ItemDetail]
        do {
            page = try await store.reviewQueue(limit: limit)
        } catch {
            throw commandFailure(error)
        }
        let elapsed = ContinuousClock.now - start
        print("{\"items\":\(page.count),\"microseconds\":\(elapsed.microseconds)}")
    }
}

extension Duration {
    var microseconds: Int64 { components.seconds * 1_000_000 + components.attoseconds / 1_000_000_000_000 }
}
