import ArgumentParser

/// Hidden helpers that tests and benchmarks drive as separate processes.
struct StoreDebugCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug",
        abstract: "Helpers for tests and benchmarks.",
        shouldDisplay: false,
        subcommands: [StoreDebugWriteDecisionsCommand.self, StoreDebugReviewPageCommand.self, StoreDebugCurateCommand.self]
    )
}
