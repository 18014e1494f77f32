import ArgumentParser

struct BenchStoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Store figures: export and review-queue timings.")
    func run() async throws {}
}
