// QuorumBench: `quorum bench`: each figure of the README measured beside its reference in one run, one
// folder per subcommand.

import ArgumentParser

public struct BenchCommand: AsyncParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Quorum beside its references, in one run.",
        subcommands: [BenchRougeCommand.self, BenchStoreCommand.self, BenchEngineCommand.self, BenchTUICommand.self, BenchTeamCommand.self, BenchExportCommand.self]
    )
}
