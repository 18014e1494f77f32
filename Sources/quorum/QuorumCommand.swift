import ArgumentParser
import QuorumBench

@main
struct QuorumCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quorum",
        abstract: "Curate instruction-tuning data made by an Ensemble-Instruct engine.",
        subcommands: [ReviewCommand.self, GenerateCommand.self, RougeCommand.self, DedupCommand.self, ConsensusCommand.self, BenchCommand.self,
                      ExportCommand.self, ImportCommand.self, StatsCommand.self, StoreCommand.self, StoreDebugCommand.self, InitCommand.self,
                      EngineCommand.self, SpotCheckCommand.self, DecideCommand.self],
        defaultSubcommand: ReviewCommand.self
    )
}
