import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Quorum beside its references, in one run.",
        subcommands: [BenchRougeCommand.self, BenchStoreCommand.self, BenchEngineCommand.self, BenchTUICommand.self]
    )
}
